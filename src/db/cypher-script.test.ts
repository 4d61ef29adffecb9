import { splitCypherStatements } from './cypher-script';

describe('splitCypherStatements', () => {
  it('splits on semicolons and drops comments and blanks', () => {
    const script = `// header; with a semicolon
CREATE CONSTRAINT a IF NOT EXISTS FOR (n:A) REQUIRE n.id IS UNIQUE;
/* block; comment */
CREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.x);

`;
    expect(splitCypherStatements(script)).toEqual([
      'CREATE CONSTRAINT a IF NOT EXISTS FOR (n:A) REQUIRE n.id IS UNIQUE',
      'CREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.x)',
    ]);
  });

  it('keeps semicolons inside strings and backticks', () => {
    const script = "RETURN 'a;b' AS `x;y`; RETURN \"c\\\";d\"";
    expect(splitCypherStatements(script)).toEqual(["RETURN 'a;b' AS `x;y`", 'RETURN "c\\";d"']);
  });
});
