// Country centroids (world-countries' latlng) for placing event locations on the map when a record gives only a code.
import { createRequire } from 'node:module';
import { codeName } from '../core/countries.js';

export interface Place { code: string; name: string; lat: number; lon: number }

let centroids: Map<string, Place> | undefined;

export function placeOf(code: string): Place | undefined {
  if (!centroids) {
    const countries = createRequire(import.meta.url)('world-countries') as { cca3: string; latlng: [number, number] }[];
    centroids = new Map(countries.filter((c) => c.latlng?.length === 2).map((c) => [c.cca3, { code: c.cca3, name: codeName(c.cca3), lat: c.latlng[0], lon: c.latlng[1] }]));
  }
  return centroids.get(code.toUpperCase());
}
