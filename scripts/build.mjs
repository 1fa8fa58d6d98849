// `npm run build` (also run by `npm ci`, after db:generate): bundles src/main.ts and our own
// modules into dist/main.js with esbuild, with the pure-JS packages every start loads (BUNDLED:
// reading one file instead of hundreds cut the start-up by about a third). Every other package stays
// an import from node_modules, as under tsx: native addons (better-sqlite3, resvg), Prisma's runtime
// (it loads its WebAssembly by path), and any package added later.
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

const BUNDLED = new Set(["grammy", "zod", "@fluent/bundle"]);
/** grammY's plugins all come along, so that only one copy of grammY (its error classes) exists. */
const bundled = (name) => BUNDLED.has(name) || name.startsWith("@grammyjs/");
const packageOf = (path) => path.split("/").slice(0, path.startsWith("@") ? 2 : 1).join("/");

const externalPackages = {
  name: "external-packages",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith("node:")) return { path: args.path, external: true };
      const fromPackage = args.importer.includes("/node_modules/");
      // Inside a bundled package its own imports are bundled too (its dependencies are pure JS).
      if (fromPackage || bundled(packageOf(args.path))) return undefined;
      return { path: args.path, external: true };
    });
  },
};

const sourceUrls = {
  name: "source-import-meta-url",
  setup(b) {
    b.onLoad({ filter: /\/src\/.*\.ts$/ }, async (args) => {
      if (!args.path.startsWith(resolve(root, "src") + "/")) return undefined;
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
  // Bundled CommonJS packages call require() for Node's own modules.
  banner: { js: 'import { createRequire as __bundleRequire } from "node:module"; const require = __bundleRequire(import.meta.url);' },
  sourcemap: true,
  legalComments: "none",
  preserveSymlinks: true, // node_modules may be a link (worktrees): resolve inside this checkout
  logLevel: "warning",
  plugins: [externalPackages, sourceUrls],
});
console.log(`built dist/main.js in ${Math.round(performance.now() - started)} ms`);
