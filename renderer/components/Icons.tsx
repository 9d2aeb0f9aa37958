/**
 * Pictograms as inline SVG (no files, no fonts to load). Drawn with `currentColor` strokes so each
 * takes the colour of its button. Decorative: the button around them carries the aria-label.
 */
import type { ReactNode } from 'react';
import type { Intent } from '../../preload/api.ts';

function Svg({ children, className }: { children: ReactNode; className?: string | undefined }) {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      viewBox="0 0 64 64"
      fill="none"
      stroke="currentColor"
      strokeWidth={5}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

type IconProps = { className?: string | undefined };

const Door = () => <path d="M34 8h20v48H34" />;
const Cup = () => (
  <>
    <path d="M30 30h24v12a10 10 0 0 1-10 10h-4a10 10 0 0 1-10-10z" />
    <path d="M54 34h3a5 5 0 0 1 0 10h-4" />
    <path d="M38 16c-2 3 2 5 0 8M46 16c-2 3 2 5 0 8" strokeWidth={3.5} />
  </>
);

export const IconStartWork = ({ className }: IconProps) => (
  <Svg className={className}>
    <Door />
    <path d="M6 32h32M26 20l12 12-12 12" />
  </Svg>
);

export const IconEndWork = ({ className }: IconProps) => (
  <Svg className={className}>
    <path d="M30 8H10v48h20" />
    <path d="M24 32h34M46 20l12 12-12 12" />
  </Svg>
);

export const IconStartBreak = ({ className }: IconProps) => (
  <Svg className={className}>
    <Cup />
    <path d="M22 41H4M12 33l-8 8 8 8" strokeWidth={4.5} />
  </Svg>
);

export const IconEndBreak = ({ className }: IconProps) => (
  <Svg className={className}>
    <Cup />
    <path d="M4 41h18M14 33l8 8-8 8" strokeWidth={4.5} />
  </Svg>
);

const INTENT_ICONS: Record<Intent, (p: IconProps) => ReactNode> = {
  'start-work': IconStartWork,
  'start-break': IconStartBreak,
  'end-break': IconEndBreak,
  'end-work': IconEndWork,
};

export function IntentIcon({ intent, className }: { intent: Intent; className?: string }) {
  const Icon = INTENT_ICONS[intent];
  return <Icon className={className} />;
}

export const IconCheck = ({ className }: IconProps) => (
  <Svg className={className}>
    <path d="M12 34l14 14 26-30" strokeWidth={8} />
  </Svg>
);

export const IconError = ({ className }: IconProps) => (
  <Svg className={className}>
    <path d="M32 6L60 56H4z" />
    <path d="M32 24v14" strokeWidth={6} />
    <circle cx="32" cy="47" r="1.5" strokeWidth={5} />
  </Svg>
);

export const IconQuestion = ({ className }: IconProps) => (
  <Svg className={className}>
    <circle cx="32" cy="32" r="27" />
    <path d="M24 25a8 8 0 1 1 11 7.5c-2 .9-3 2.5-3 4.5v3" />
    <circle cx="32" cy="48" r="1" strokeWidth={5} />
  </Svg>
);

export const IconClose = ({ className }: IconProps) => (
  <Svg className={className}>
    <path d="M14 14l36 36M50 14L14 50" strokeWidth={7} />
  </Svg>
);

export const IconBack = ({ className }: IconProps) => (
  <Svg className={className}>
    <path d="M54 32H12M26 16L10 32l16 16" strokeWidth={6} />
  </Svg>
);

export const IconGlobe = ({ className }: IconProps) => (
  <Svg className={className}>
    <circle cx="32" cy="32" r="26" />
    <path d="M6 32h52M32 6c-9 8-9 44 0 52M32 6c9 8 9 44 0 52" strokeWidth={4} />
  </Svg>
);

export const IconCard = ({ className }: IconProps) => (
  <Svg className={className}>
    <rect x="6" y="16" width="52" height="34" rx="5" />
    <circle cx="20" cy="30" r="5" strokeWidth={4} />
    <path d="M32 28h18M32 38h14M14 42h12" strokeWidth={4} />
  </Svg>
);

export const IconReader = ({ className }: IconProps) => (
  <Svg className={className}>
    <rect x="10" y="24" width="44" height="32" rx="5" />
    <path d="M22 16a14 14 0 0 1 20 0M16 9a22 22 0 0 1 32 0" strokeWidth={4} />
    <path d="M22 44h20" strokeWidth={4} />
  </Svg>
);

export const IconSlash = ({ className }: IconProps) => (
  <Svg className={className}>
    <path d="M8 8l48 48" strokeWidth={6} />
  </Svg>
);

export const IconCloud = ({ className }: IconProps) => (
  <Svg className={className}>
    <path d="M18 48h30a11 11 0 0 0 0-22 16 16 0 0 0-30-2 12 12 0 0 0 0 24z" />
  </Svg>
);

export const IconSoundOn = ({ className }: IconProps) => (
  <Svg className={className}>
    <path d="M8 24h10l14-12v40L18 40H8z" />
    <path d="M42 22a14 14 0 0 1 0 20M49 15a24 24 0 0 1 0 34" strokeWidth={4.5} />
  </Svg>
);

export const IconSoundOff = ({ className }: IconProps) => (
  <Svg className={className}>
    <path d="M8 24h10l14-12v40L18 40H8z" />
    <path d="M42 24l16 16M58 24L42 40" strokeWidth={4.5} />
  </Svg>
);

export const IconPeople = ({ className }: IconProps) => (
  <Svg className={className}>
    <circle cx="22" cy="22" r="8" />
    <circle cx="44" cy="24" r="6" />
    <path d="M6 54c0-10 7-16 16-16s16 6 16 16M40 38c9 0 16 5 16 14" />
  </Svg>
);

export const IconPause = ({ className }: IconProps) => (
  <Svg className={className}>
    <path d="M24 16v32M40 16v32" strokeWidth={8} />
  </Svg>
);
