// Read-only access to the members of the collection types, for SORT (sort.c),
// which sorts lists, sets and sorted sets and dereferences hash fields. Each
// case calls the type module's own iteration, so SORT never depends on how a
// type stores its members.
import type { RObj } from '../object.ts';
import { isInt64String } from '../util/parse.ts';
import type { HashValue } from './hash.ts';
import type { ListValue } from './list.ts';
import type { SetValue } from './set.ts';
import type { ZSetValue } from './zset.ts';

/**
 * A value as SORT receives it. `int` is Redis's OBJ_ENCODING_INT: the value
 * came out of an integer-encoded slot (a listpack integer, an int-encoded
 * string), so SORT takes its score without strtod and without looking at errno.
 */
export interface SortValue {
  v: string;
  int: boolean;
}

/** Whether o is one of the types SORT accepts. */
export const isSortable = (o: RObj): boolean => o.type === 'list' || o.type === 'set' || o.type === 'zset';

/**
 * The members of a list, set or zset in the collection's own order: a list
 * head to tail, a set in its iteration order, a zset by (score, member).
 */
export function collectionElements(o: RObj): string[] {
  switch (o.type) {
    case 'list':
      return (o.value as ListValue).toArray();
    case 'zset': {
      const out: string[] = [];
      for (const node of (o.value as ZSetValue).entries()) out.push(node.ele);
      return out;
    }
    case 'set':
      return [...(o.value as SetValue).values()];
    default:
      throw new Error(`collectionElements: ${o.type} is not a sortable collection`);
  }
}

/**
 * Whether a member reaches SORT int-encoded. List entries that are canonical
 * int64s are listpack integers (listTypeGet gives an INT object); set and zset
 * members are always handed over as sds strings.
 */
export function memberIsInt(o: RObj, member: string): boolean {
  return o.type === 'list' && isInt64String(member);
}

/**
 * SORT converts a listpack sorted set to a skiplist before reading it
 * (zsetConvert(sortval, OBJ_ENCODING_SKIPLIST)), SORT_RO too: OBJECT ENCODING
 * shows it afterwards. The members and scores are unchanged.
 */
export function prepareForSort(o: RObj): void {
  if (o.type === 'zset' && o.enc === 'listpack') o.enc = 'skiplist';
}

/**
 * SORT's BY/GET "->field" dereference (hashTypeGetValueObject): the field's
 * value, int-encoded when a listpack stores it as an integer.
 */
export function hashFieldForSort(o: RObj, field: string): SortValue | undefined {
  const v = (o.value as HashValue).get(field);
  if (v === undefined) return undefined;
  return { v, int: o.enc === 'listpack' && isInt64String(v) };
}
