// `npm run build` (also run by `npm ci`, after db:generate): bundles src/main.ts and our own
// modules into dist/main.js with esbuild; packages in node_modules stay imports.
//
// Files our code reads at run time sit next to its source (`new URL("./locales/", import.meta.url)`,
// prisma/migrations): in the bundle each module's `import.meta.url` is rewritten to its source
// file's URL relative to the bundle, so those paths resolve as they do under tsx, with no copying.
import { build } from "esbuild";
import { readFile } from "node:fs/promises";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = resolve(root, "dist");

const sourceUrls = {
  name: "source-import-meta-url",
  setup(b) {
    b.onLoad({ filter: /\/src\/.*\.ts$/ }, async (args) => {
      const code = await readFile(args.path, "utf8");
      if (!code.includes("import.meta.url")) return undefined;
      const rel = relative(outdir, args.path).split("\\").join("/");
      const url = `new URL(${JSON.stringify(rel)}, import.meta.url).href`;
      return { contents: code.replaceAll("import.meta.url", url), loader: "ts" };
    });
  },
};

const started = performance.now();
await build({
  entryPoints: [resolve(root, "src/main.ts")],
  outfile: resolve(outdir, "main.js"),
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  packages: "external",
  sourcemap: true,
  legalComments: "none",
  logLevel: "warning",
  plugins: [sourceUrls],
});
console.log(`built dist/main.js in ${Math.round(performance.now() - started)} ms`);
