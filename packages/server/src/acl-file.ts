// ACL LOAD / SAVE for Node: the core reads and writes the aclfile through this
// storage (core is isomorphic and has no file access).
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import type { AclStorage } from '@redmoon/core';

/** strerror() texts for the errors fopen() reports most often. */
const STRERROR: Record<string, string> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  ELOOP: 'Too many levels of symbolic links',
  ENAMETOOLONG: 'File name too long',
};

export const nodeAclStorage: AclStorage = {
  read(path) {
    try {
      return { text: readFileSync(path).toString('latin1') };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      return { error: STRERROR[code] ?? code };
    }
  },
  // ACLSaveToFile: a temporary file renamed over the old one, so a reader never sees half a file.
  write(path, text) {
    const tmp = `${path}.tmp-${process.pid}-${Date.now()}`;
    try {
      writeFileSync(tmp, Buffer.from(text, 'latin1'));
      renameSync(tmp, path);
      return true;
    } catch {
      try { unlinkSync(tmp); } catch { /* the temporary file was never created */ }
      return false;
    }
  },
};
