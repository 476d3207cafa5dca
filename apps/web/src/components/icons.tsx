/** Line icons drawn for Meute (24×24, stroke = currentColor); always decorative next to a text label. */
const PATHS = {
  home: 'M3 11.5 12 4l9 7.5M5.5 9.5V20h13V9.5M10 20v-5.5h4V20',
  directory:
    'M5 4h12.5A1.5 1.5 0 0 1 19 5.5v14a.5.5 0 0 1-.5.5H5zM5 4v16M12 9.5a2 2 0 1 0 0 .01M8.5 16c.6-1.8 1.9-2.8 3.5-2.8s2.9 1 3.5 2.8',
  groups: 'M4 5h11v8H8l-4 3zM15 9h5v8l-3-2h-6v-2',
  needs: 'M9 18h6M10 21h4M12 3a6 6 0 0 0-3.5 10.9c.6.5 1 1.2 1 2.1h5c0-.9.4-1.6 1-2.1A6 6 0 0 0 12 3z',
  purchasing: 'M3 4h2.5l2.2 11h10.6L20.5 7H6.5M9 20a1 1 0 1 0 0 .01M17 20a1 1 0 1 0 0 .01',
  tenders: 'M6 3h8l4 4v14H6zM14 3v4h4M9 12h6M9 16h6',
  alliances: 'M8.5 12.5 5 9l4-4 3.5 3.5M15.5 11.5 19 15l-4 4-3.5-3.5M9 15l6-6',
  sharing: 'M4 9h13l-3-3M20 15H7l3 3',
  events: 'M4 6h16v14H4zM4 10h16M8 3v5M16 3v5M8 14h3v3H8z',
  federation:
    'M12 5a2 2 0 1 0 0 .01M5 18a2 2 0 1 0 0 .01M19 18a2 2 0 1 0 0 .01M12 7v4M12 11l-6 5.5M12 11l6 5.5',
  territory: 'M12 21s-6-5.5-6-10.5a6 6 0 0 1 12 0C18 15.5 12 21 12 21zM12 12.5a2 2 0 1 0 0-.01',
  outbox: 'M4 5h16v14H4zM4 6l8 6.5L20 6',
  account: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4.5 20.5c1.2-3.6 4-5.5 7.5-5.5s6.3 1.9 7.5 5.5',
  menu: 'M4 7h16M4 12h16M4 17h16',
  close: 'M6 6l12 12M18 6 6 18',
  signOut: 'M14 4h5v16h-5M10 8l-4 4 4 4M6 12h10',
  chevronDown: 'm6 9 6 6 6-6',
  people:
    'M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM2.5 20c.8-3.2 3.3-5 6.5-5s5.7 1.8 6.5 5M16 4.3a3.5 3.5 0 0 1 0 6.4M18 15.2c1.8.7 3 2.3 3.5 4.8',
  mail: 'M4 5h16v14H4zM4 6l8 6.5L20 6',
  external: 'M14 4h6v6M20 4l-9 9M18 14v6H4V6h6',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 20 }: { name: IconName; size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
