// The console's page: a static HTML shell, one script and one stylesheet, bundled by esbuild from
// src/console/ the first time they are asked for (in memory, minified; about a tenth of a second).
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

const source = (file: string) => fileURLToPath(new URL(`../../console/${file}`, import.meta.url));

export const INDEX_HTML = `<!doctype html>
<html><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<title>Desk console</title><link rel="stylesheet" href="app.css"></head>
<body><main id="app"></main><script type="module" src="app.js"></script></body></html>
`;

export type Assets = { js: string; css: string };
let built: Promise<Assets> | undefined;

/** The bundled script and the stylesheet (built once per process). */
export function consoleAssets(): Promise<Assets> {
  built ??= (async () => {
    const { build } = await import("esbuild");
    const out = await build({
      entryPoints: [source("main.ts")], bundle: true, write: false, minify: true, format: "esm",
      target: "es2020", legalComments: "none", logLevel: "warning",
    });
    return { js: out.outputFiles[0]!.text, css: await readFile(source("style.css"), "utf8") };
  })();
  built.catch(() => (built = undefined));
  return built;
}
