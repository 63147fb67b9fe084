// The admin query page's saved operations: each one is valid against the schema the server builds
// (the emitted SDL, which `npm run schema:check` keeps equal to the code; a renamed field would
// otherwise only fail when an admin clicks it), and the officials' monthly
// questions are there in Chinese (issue 24: 看板, 结算, 投诉, 告警).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../common/config.js';
import { ADMIN_EXAMPLES } from './admin-examples.js';

describe('admin page saved operations', () => {
  it('has 看板, 结算, 投诉 and 告警, each with a Chinese comment, and every operation validates', async () => {
    const titles = ADMIN_EXAMPLES.map((e) => e.title);
    expect(titles).toEqual(expect.arrayContaining(['看板', '结算', '投诉', '告警']));
    const schema = buildSchema(readFileSync(path.join(REPO_ROOT, 'schema/schema.graphql'), 'utf8'));
    for (const e of ADMIN_EXAMPLES) {
      expect(e.query, e.title).toMatch(/^# [\u4e00-\u9fa5]/);
      expect(
        validate(schema, parse(e.query)).map((x) => x.message),
        e.title,
      ).toEqual([]);
      if (e.variables) expect(() => JSON.parse(e.variables!), e.title).not.toThrow();
    }
  });
});
