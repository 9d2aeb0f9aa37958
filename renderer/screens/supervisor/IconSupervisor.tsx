/** Pictogram of the supervisor button: a person with a key (same stroke style as components/Icons.tsx). */
export function IconSupervisor({ className }: { className?: string }) {
  return (
    <svg className={className ? `icon ${className}` : 'icon'} viewBox="0 0 64 64" fill="none" stroke="currentColor" strokeWidth={5} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <circle cx="24" cy="18" r="9" />
      <path d="M6 56c0-11 8-19 18-19 4 0 7 1 10 3" />
      <circle cx="46" cy="40" r="7" />
      <path d="M46 47v11M46 53h5" />
    </svg>
  );
}
