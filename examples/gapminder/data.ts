/**
 * The gapminder table (data/gapminder.csv: 142 countries × 12 years; see data/SOURCE.md), loaded once.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Row {
  country: string;
  continent: string;
  year: number;
  lifeExp: number;
  pop: number;
  gdpPercap: number;
  iso_alpha: string;
}

/** Split one CSV line; fields may be double-quoted (six country names contain commas). */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}

export function parseGapminder(text: string): Row[] {
  const [header, ...lines] = text.trim().split('\n');
  if (header !== 'country,continent,year,lifeExp,pop,gdpPercap,iso_alpha') throw new Error('unexpected CSV header');
  return lines.map((line) => {
    const [country = '', continent = '', year, lifeExp, pop, gdpPercap, iso = ''] = splitCsvLine(line);
    return {
      country,
      continent,
      year: Number(year),
      lifeExp: Number(lifeExp),
      pop: Number(pop),
      gdpPercap: Number(gdpPercap),
      iso_alpha: iso,
    };
  });
}

const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data', 'gapminder.csv');
export const rows: readonly Row[] = parseGapminder(readFileSync(file, 'utf8'));
export const continents: readonly string[] = [...new Set(rows.map((r) => r.continent))].sort();
export const years: readonly number[] = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
