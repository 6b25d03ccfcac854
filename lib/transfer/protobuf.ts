// Just enough protobuf for what Anki packs that way: the media map, and note type and template configs.

/** The top-level fields of a protobuf message: varints and length-delimited bytes (enough for what Anki packs this way). */
export function protobufFields(bytes: Uint8Array): { field: number; bytes?: Uint8Array; value?: number }[] {
  const fields: { field: number; bytes?: Uint8Array; value?: number }[] = [];
  let at = 0;
  const varint = () => {
    let result = 0;
    let shift = 0;
    for (;;) {
      if (at >= bytes.length || shift > 49) throw new Error("bad varint");
      const byte = bytes[at++]!;
      result += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return result;
      shift += 7;
    }
  };
  while (at < bytes.length) {
    const key = varint();
    const field = Math.floor(key / 8);
    const wire = key % 8;
    if (wire === 0) fields.push({ field, value: varint() });
    else if (wire === 2) {
      const length = varint();
      if (at + length > bytes.length) throw new Error("truncated");
      fields.push({ field, bytes: bytes.subarray(at, at + length) });
      at += length;
    } else if (wire === 5) at += 4;
    else if (wire === 1) at += 8;
    else throw new Error(`wire type ${wire}`);
  }
  return fields;
}
