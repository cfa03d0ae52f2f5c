// The mainland's extreme points (Heilongjiang's Mohe in the north, Zengmu Ansha in the south, the Pamirs in
// the west, the Wusuli–Heilong confluence in the east): a box, generous at the edges by design. The server refuses
// a point outside it; the console's forms say so before sending.
const CHINA_BOX = { minLat: 3.5, maxLat: 53.6, minLng: 73.4, maxLng: 135.1 };

export function insideChina(lat: number, lng: number): boolean {
  return lat >= CHINA_BOX.minLat && lat <= CHINA_BOX.maxLat && lng >= CHINA_BOX.minLng && lng <= CHINA_BOX.maxLng;
}
