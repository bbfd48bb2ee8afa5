/**
 * Profile avatars: a fixed set of generated square pictures (SVG), one per key, served by the
 * profiles routes. Each is a friendly character on its own colour, drawn to read at 64 px (a bold
 * silhouette, big eyes) and to hold up at 320 px (soft gradients, a highlight). Deterministic: a
 * key always gives the same bytes, so the images are cached for a year.
 */
import { avatarPath } from '@marquee/contracts/artwork';
import { createHash } from 'node:crypto';

interface AvatarDesign {
  /** Background gradient, top-left to bottom-right. */
  from: string;
  to: string;
  /** The character's body colour and its shade. */
  body: string;
  shade: string;
  /** What makes this one recognisable. */
  feature: 'ears' | 'antenna' | 'horns' | 'tuft' | 'leaf' | 'crown' | 'visor' | 'bow' | 'spikes' | 'halo' | 'whiskers' | 'cap';
  /** Eye shape. */
  eyes: 'round' | 'happy' | 'wide';
}

const DESIGNS: Record<string, AvatarDesign> = {
  ember: { from: '#ff7a45', to: '#b3261e', body: '#ffd7b5', shade: '#f2a477', feature: 'horns', eyes: 'round' },
  tide: { from: '#2ec4d6', to: '#1d4e89', body: '#e3f7fb', shade: '#a9dbe6', feature: 'antenna', eyes: 'wide' },
  moss: { from: '#7ccf5b', to: '#2f6b2f', body: '#f1fbe4', shade: '#bfe3a4', feature: 'leaf', eyes: 'happy' },
  dusk: { from: '#8e6bff', to: '#3b1f8c', body: '#efe8ff', shade: '#c6b5ff', feature: 'ears', eyes: 'round' },
  sunny: { from: '#ffd23f', to: '#e07a00', body: '#fff6d8', shade: '#ffd98a', feature: 'crown', eyes: 'happy' },
  plum: { from: '#d65db1', to: '#6a1b5a', body: '#ffe3f3', shade: '#f2a8d2', feature: 'bow', eyes: 'wide' },
  coral: { from: '#ff8c8c', to: '#c2185b', body: '#fff0ea', shade: '#ffc1b0', feature: 'tuft', eyes: 'round' },
  frost: { from: '#9ad7ff', to: '#3a6ea5', body: '#ffffff', shade: '#cfe6f7', feature: 'spikes', eyes: 'wide' },
  comet: { from: '#4b5cff', to: '#0b1957', body: '#dfe4ff', shade: '#a3aef5', feature: 'visor', eyes: 'happy' },
  fern: { from: '#2ad1a3', to: '#0c6b58', body: '#e2fff5', shade: '#9fe8d2', feature: 'whiskers', eyes: 'round' },
  ink: { from: '#5f6b7a', to: '#121821', body: '#e9edf2', shade: '#b5c0cc', feature: 'cap', eyes: 'wide' },
  honey: { from: '#ffb347', to: '#b5651d', body: '#fff1d6', shade: '#f5c98a', feature: 'halo', eyes: 'happy' },
};

/** Every avatar key, in the order the picker shows them. */
export const AVATAR_KEYS: readonly string[] = Object.keys(DESIGNS);

export const isAvatarKey = (key: string): boolean => Object.hasOwn(DESIGNS, key);

/** A key for a new profile: the first the account does not use yet, else one picked from `seed`. */
export function defaultAvatar(used: Iterable<string>, seed: string): string {
  const taken = new Set(used);
  const free = AVATAR_KEYS.find((key) => !taken.has(key));
  if (free) return free;
  const index = createHash('sha256').update(seed).digest()[0] as number;
  return AVATAR_KEYS[index % AVATAR_KEYS.length] as string;
}

/** The URL an avatar is served at. */
export const avatarUrl = avatarPath;

function feature(design: AvatarDesign): string {
  const { body, shade } = design;
  switch (design.feature) {
    case 'ears':
      return `<path d="M38 44 L30 14 L58 34 Z M122 44 L130 14 L102 34 Z" fill="${body}" stroke="${shade}" stroke-width="4" stroke-linejoin="round"/>`;
    case 'antenna':
      return `<path d="M80 30 V12" stroke="${body}" stroke-width="5" stroke-linecap="round"/><circle cx="80" cy="10" r="7" fill="#ffffff" stroke="${shade}" stroke-width="3"/>`;
    case 'horns':
      return `<path d="M46 40 Q36 18 50 10 Q50 28 60 36 Z M114 40 Q124 18 110 10 Q110 28 100 36 Z" fill="#fff2e0" stroke="${shade}" stroke-width="3"/>`;
    case 'tuft':
      return `<path d="M64 30 Q70 6 82 24 Q88 8 96 30 Z" fill="${shade}"/>`;
    case 'leaf':
      return `<path d="M80 30 Q78 16 84 8" stroke="#2f6b2f" stroke-width="4" fill="none" stroke-linecap="round"/><path d="M84 12 Q104 4 108 20 Q94 26 84 12 Z" fill="#9be37a" stroke="#2f6b2f" stroke-width="2"/>`;
    case 'crown':
      return `<path d="M56 34 L58 14 L70 26 L80 10 L90 26 L102 14 L104 34 Z" fill="#ffe066" stroke="#e09b00" stroke-width="3" stroke-linejoin="round"/>`;
    case 'visor':
      return `<rect x="44" y="62" width="72" height="26" rx="13" fill="#1b2559" opacity="0.85"/><rect x="52" y="67" width="24" height="6" rx="3" fill="#ffffff" opacity="0.6"/>`;
    case 'bow':
      return `<path d="M80 30 L62 18 Q56 30 62 40 Z M80 30 L98 18 Q104 30 98 40 Z" fill="#ff5fa2" stroke="#b0246c" stroke-width="3" stroke-linejoin="round"/><circle cx="80" cy="30" r="6" fill="#ff86b9" stroke="#b0246c" stroke-width="3"/>`;
    case 'spikes':
      return `<path d="M44 44 L52 22 L62 38 L72 14 L80 34 L88 14 L98 38 L108 22 L116 44 Z" fill="${body}" stroke="${shade}" stroke-width="3" stroke-linejoin="round"/>`;
    case 'halo':
      return `<ellipse cx="80" cy="20" rx="26" ry="8" fill="none" stroke="#fff3b0" stroke-width="6"/>`;
    case 'whiskers':
      return `<path d="M36 100 H56 M36 110 L56 106 M124 100 H104 M124 110 L104 106" stroke="#0c6b58" stroke-width="3" stroke-linecap="round"/>`;
    case 'cap':
      return `<path d="M40 52 Q80 8 120 52 Z" fill="#ef233c"/><path d="M96 50 Q126 46 134 56 Q112 58 96 56 Z" fill="#b3001b"/>`;
  }
}

function eyes(design: AvatarDesign): string {
  switch (design.eyes) {
    case 'round':
      return '<circle cx="62" cy="76" r="11" fill="#1b1b2f"/><circle cx="98" cy="76" r="11" fill="#1b1b2f"/><circle cx="66" cy="72" r="4" fill="#fff"/><circle cx="102" cy="72" r="4" fill="#fff"/>';
    case 'wide':
      return '<ellipse cx="62" cy="76" rx="12" ry="14" fill="#fff"/><ellipse cx="98" cy="76" rx="12" ry="14" fill="#fff"/><circle cx="64" cy="79" r="7" fill="#1b1b2f"/><circle cx="100" cy="79" r="7" fill="#1b1b2f"/>';
    case 'happy':
      return '<path d="M50 78 Q62 64 74 78 M86 78 Q98 64 110 78" stroke="#1b1b2f" stroke-width="6" fill="none" stroke-linecap="round"/>';
  }
}

/** The SVG of an avatar (160×160 viewBox, scales to any size). */
export function avatarSvg(key: string): string | undefined {
  const design = DESIGNS[key];
  if (!design) return undefined;
  const behind = design.feature === 'visor' || design.feature === 'whiskers' ? '' : feature(design);
  const front = behind === '' ? feature(design) : '';
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 160" width="320" height="320">' +
    `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${design.from}"/><stop offset="1" stop-color="${design.to}"/></linearGradient>` +
    `<radialGradient id="face" cx="0.4" cy="0.35" r="0.75"><stop offset="0" stop-color="${design.body}"/><stop offset="1" stop-color="${design.shade}"/></radialGradient></defs>` +
    '<rect width="160" height="160" rx="20" fill="url(#bg)"/>' +
    '<circle cx="128" cy="26" r="40" fill="#ffffff" opacity="0.08"/>' +
    behind +
    '<path d="M30 160 Q30 36 80 36 Q130 36 130 160 Z" fill="url(#face)"/>' +
    eyes(design) +
    '<path d="M64 104 Q80 118 96 104" stroke="#1b1b2f" stroke-width="5" fill="none" stroke-linecap="round"/>' +
    '<circle cx="50" cy="98" r="7" fill="#ff6b81" opacity="0.35"/><circle cx="110" cy="98" r="7" fill="#ff6b81" opacity="0.35"/>' +
    front +
    '</svg>'
  );
}
