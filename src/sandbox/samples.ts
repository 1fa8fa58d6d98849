// The pictures and files a sandbox phone can send (small inline SVGs and a CSV, no downloads).
const picture = (bg: string, fg: string, shape: string, label: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480" viewBox="0 0 640 480">` +
  `<rect width="640" height="480" fill="${bg}"/>${shape.replaceAll("FG", fg)}` +
  `<text x="320" y="440" font-size="36" text-anchor="middle" fill="${fg}" font-family="sans-serif">${label}</text>` +
  "</svg>";

export const SAMPLE_PHOTOS: Record<string, string> = {
  "SANDBOX-PHOTO-tap": picture("#dbeafe", "#1e3a8a",
    `<rect x="200" y="120" width="240" height="40" rx="10" fill="FG"/>` +
    `<rect x="400" y="150" width="30" height="90" fill="FG"/>` +
    `<circle cx="415" cy="280" r="12" fill="#3b82f6"/><circle cx="415" cy="330" r="9" fill="#3b82f6"/>`, "Leaking tap"),
  "SANDBOX-PHOTO-socket": picture("#fef3c7", "#78350f",
    `<rect x="220" y="100" width="200" height="240" rx="24" fill="#fff" stroke="FG" stroke-width="8"/>` +
    `<rect x="280" y="170" width="16" height="50" fill="FG"/><rect x="344" y="170" width="16" height="50" fill="FG"/>` +
    `<path d="M300 280 l40 -30 l-10 40 l40 -30" stroke="#dc2626" stroke-width="10" fill="none"/>`, "Burnt socket"),
  "SANDBOX-PHOTO-ceiling": picture("#f1f5f9", "#334155",
    `<rect x="0" y="0" width="640" height="120" fill="#cbd5e1"/>` +
    `<ellipse cx="320" cy="120" rx="160" ry="50" fill="#a16207" opacity="0.5"/>` +
    `<circle cx="320" cy="220" r="10" fill="#3b82f6"/>`, "Damp ceiling"),
};

export const SAMPLE_DOCUMENTS: Record<string, { name: string; mime: string; content: string }> = {
  "SANDBOX-DOC-units": {
    name: "units.csv", mime: "text/csv",
    content: "building,entrance,room\n7,1,301\n7,1,302\n7,2,401\n",
  },
};
