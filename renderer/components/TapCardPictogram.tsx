/** A card moving onto a reader, with radio waves: "tap your card" without words. CSS-animated. */
export function TapCardPictogram() {
  return (
    <svg className="tap-pictogram" viewBox="0 0 240 160" aria-hidden="true" focusable="false">
      <g className="tap-reader">
        <rect x="130" y="40" width="90" height="110" rx="12" />
        <rect x="148" y="58" width="54" height="34" rx="4" className="tap-reader-window" />
        <circle cx="175" cy="124" r="8" className="tap-reader-led" />
      </g>
      <g className="tap-waves">
        <path d="M110 60a40 40 0 0 1 0 50" />
        <path d="M96 48a58 58 0 0 1 0 74" />
      </g>
      <g className="tap-card">
        <rect x="20" y="30" width="96" height="64" rx="8" />
        <circle cx="44" cy="56" r="9" className="tap-card-chip" />
        <path d="M64 52h36M64 66h26M32 78h30" className="tap-card-lines" />
      </g>
    </svg>
  );
}
