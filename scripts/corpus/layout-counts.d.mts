export function placeOf(name: string): { family: string; producer: string };
export function countsTable(names: readonly string[], differing: ReadonlySet<string>): string;
