import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { graphql } from 'graphql';
import { buildSchemaSync, Field, FieldResolver, ObjectType, Query, Resolver } from 'type-graphql';
import { Parent } from '../../src/graphql/parent';

@ObjectType()
class Box {
  @Field()
  name!: string;

  @Field(() => [String])
  notes!: string[];
}

// A mapper-made parent: a plain object whose expensive field is a getter, read only when a query asks for it.
let noteReads = 0;
const box = {
  name: 'b1',
  get notes() {
    noteReads += 1;
    return ['parsed'];
  },
};
let seen: unknown;

@Resolver(() => Box)
class BoxResolver {
  @Query(() => Box)
  box(): Box {
    return box;
  }

  @FieldResolver(() => String)
  label(@Parent() parent: Box): string {
    seen = parent;
    return `label of ${parent.name}`;
  }
}

describe('@Parent()', () => {
  it('hands a field resolver the very object the parent resolver returned, without reading its other fields', async () => {
    const schema = buildSchemaSync({ resolvers: [BoxResolver], validate: false });
    const result = await graphql({ schema, source: '{ box { label } }' });
    expect(result).toEqual({ data: { box: { label: 'label of b1' } } });
    expect(seen).toBe(box);
    expect(noteReads).toBe(0);
  });

  it('is what every field resolver in src/ uses: nothing imports type-graphql’s Root, which copies the parent per call', () => {
    const src = path.join(__dirname, '..', '..', 'src');
    const files = fs.readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const importsRoot = files.filter((f) =>
      /import\s*\{[^}]*\bRoot\b[^}]*\}\s*from\s*'type-graphql'/.test(fs.readFileSync(path.join(src, f), 'utf8')),
    );
    expect(files.length).toBeGreaterThan(100);
    expect(importsRoot).toEqual([]);
  });
});
