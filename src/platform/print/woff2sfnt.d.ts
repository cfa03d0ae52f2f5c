// The package ships no types; only the one function Tracenet uses is declared.
declare module 'woff2sfnt-sfnt2woff' {
  const converter: { toSfnt(woff: Uint8Array): Uint8Array };
  export default converter;
}
