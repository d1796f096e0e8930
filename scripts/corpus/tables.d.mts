/** The fonts whose files are not on this machine: they print with the repo's own font. */
export const FONTS_NOT_INSTALLED: string[];
