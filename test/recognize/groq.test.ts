// GROQ query text: the document types a query's leading filter selects, and whether it takes one document.
import { describe, expect, it } from 'vitest';
import { groqQuery } from '../../src/recognize/groq.js';

describe('groqQuery', () => {
  it('reads the types of the leading filter and a single-document slice', () => {
    expect(groqQuery('*[_type == "booking" && _id == $id][0]{ _id, "room": room->{ name } }')).toEqual({ types: ['booking'], single: true });
    expect(groqQuery("*['reservation' == _type && slot == $slot] | order(_createdAt desc)[0]")).toEqual({ types: ['reservation'], single: true });
  });

  it('a list, a slice of several, or another query shape takes no single document', () => {
    expect(groqQuery('*[_type in ["booking", "hold"] && date == $d]')).toEqual({ types: ['booking', 'hold'], single: false });
    expect(groqQuery('*[_type == "booking"][0...5]')?.single).toBe(false);
    expect(groqQuery('count(*[_type == "booking"])')).toBeNull();
  });

  it('types named in projections are not what the query selects', () => {
    expect(groqQuery('*[_type == "therapist" && slug.current == $slug][0]{ "next": *[_type == "appointment" && references(^._id)] }')?.types).toEqual(['therapist']);
    expect(groqQuery('*[title == "a]b"][0]')).toEqual({ types: [], single: true });
  });
});
