// A growable byte buffer: the strbuf / mp_buf / luaL_Buffer of the C libraries.
export class ByteBuf {
  private buf = new Uint8Array(64);
  private len = 0;

  get length(): number {
    return this.len;
  }

  private reserve(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buf.subarray(0, this.len));
    this.buf = grown;
  }

  byte(b: number): void {
    this.reserve(1);
    this.buf[this.len++] = b & 0xff;
  }

  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }

  /** Appends a string of char codes 0-255 (ASCII text or latin1 bytes). */
  latin1(s: string): void {
    this.reserve(s.length);
    for (let i = 0; i < s.length; i++) this.buf[this.len++] = s.charCodeAt(i);
  }

  clear(): void {
    this.len = 0;
  }

  /** The contents so far (a view, valid until the next append). */
  view(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }
}
