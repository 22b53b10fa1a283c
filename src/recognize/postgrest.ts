// https://postgrest.org/en/stable/references/api/resource_embedding.html
// The resources a PostgREST select list embeds (supabase-js `select('*, booking:bookings!inner(id)')`).

export interface EmbeddedResource {
  /** The key the embedded rows come under in each row: the alias, else the resource's name. */
  field: string;
  /** The table or view embedded (or the foreign key column named instead of it). */
  table: string;
  /** `!inner`: a row comes back only when it has an embedded one. */
  inner: boolean;
}

const EMBED = /^(?:(\w+):)?(\w+)((?:!\w+)*)\((.*)\)$/s;

/** The top-level embeds of a select list; spreads (`...bookings(*)`) and counts (`bookings(count)`) hold no record of their own. */
export function embeddedResources(select: string): EmbeddedResource[] {
  const out: EmbeddedResource[] = [];
  for (const item of topLevelItems(select.replace(/\s+/g, ''))) {
    if (item.startsWith('...')) continue;
    const m = EMBED.exec(item);
    if (!m || /^count(\(\))?$/.test(m[4]!)) continue;
    out.push({ field: m[1] ?? m[2]!, table: m[2]!, inner: m[3]!.split('!').includes('inner') });
  }
  return out;
}

function topLevelItems(select: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < select.length; i++) {
    const c = select[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      items.push(select.slice(start, i));
      start = i + 1;
    }
  }
  items.push(select.slice(start));
  return items.filter(Boolean);
}
