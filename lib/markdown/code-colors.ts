// Code tokens' colours as classes instead of style attributes. Shiki writes each token as
// <span style="--shiki-light:#A0111F;--shiki-dark:#FF9492">; on a study page of 20 Python cards
// those attributes were a third of the payload, the same few dozen strings over and over. Each
// theme has about a dozen token colours, so each colour gets a class (`sl-a0111f`, `sd-ff9492`)
// defined once in app/code-colors.css, which scripts/code-colors.ts writes from the same themes.
// Pure: the themes come in as data.

/** What this module reads of a Shiki theme (its raw module's default export). */
export interface ThemeColors {
  colors?: Record<string, string>;
  tokenColors?: { settings: { foreground?: string } }[];
}

/** The CSS custom property each theme's colour goes in (globals.css reads them), and its class prefix. */
export const CODE_THEMES = {
  light: { property: "--shiki-light", prefix: "sl" },
  dark: { property: "--shiki-dark", prefix: "sd" },
} as const;

const HEX = /^#[0-9a-f]{3,8}$/;

function themeColors(theme: ThemeColors): string[] {
  const colors = new Set<string>();
  const add = (color: string | undefined) => {
    const hex = color?.toLowerCase();
    if (hex && HEX.test(hex)) colors.add(hex);
  };
  add(theme.colors?.["editor.foreground"]);
  for (const entry of theme.tokenColors ?? []) add(entry.settings.foreground);
  return [...colors].sort();
}

/** Each known declaration ("--shiki-light:#a0111f", lower case) and its class. */
export function codeColorClasses(themes: { light: ThemeColors; dark: ThemeColors }): Map<string, string> {
  const classes = new Map<string, string>();
  for (const name of ["light", "dark"] as const) {
    const { property, prefix } = CODE_THEMES[name];
    for (const hex of themeColors(themes[name])) classes.set(`${property}:${hex}`, `${prefix}-${hex.slice(1)}`);
  }
  return classes;
}

/** The stylesheet defining those classes (app/code-colors.css). */
export function codeColorCss(classes: Map<string, string>): string {
  const rules = [...classes].map(([declaration, name]) => `.${name} {\n  ${declaration.replace(":", ": ")};\n}`);
  return `/* Written by scripts/code-colors.ts from the code themes (lib/markdown/code-colors.ts): don't edit. */\n${rules.join("\n")}\n`;
}

/**
 * A token's style attribute as classes: the declarations with a class move to `className`, any
 * other (a colour a theme update added, font styles) stays in the style. Returns what to keep of
 * the style ("" for nothing) and the classes to add.
 */
export function styleToClasses(style: string, classes: Map<string, string>): { style: string; classNames: string[] } {
  const kept: string[] = [];
  const classNames: string[] = [];
  for (const declaration of style.split(";")) {
    if (!declaration) continue;
    const name = classes.get(declaration.trim().toLowerCase());
    if (name) classNames.push(name);
    else kept.push(declaration);
  }
  return { style: kept.join(";"), classNames };
}
