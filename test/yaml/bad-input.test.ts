import * as fc from 'fast-check';
import * as path from 'path';
import { ModelYaml, EnvironmentYaml, DataYaml } from '../../lib/yaml/asset-loaders';
import { YamlLoadError } from '../../lib/yaml/errors';
import { workspaceStack, writeTree } from './support';

/** Loads `text` as `<dir>/file.yml` with `load`, and returns the error it throws. */
function failure(text: string, load: (file: string) => unknown, extra: Record<string, string> = {}): YamlLoadError {
  const dir = writeTree({ 'file.yml': text, ...extra });
  const file = path.join(dir, 'file.yml');
  try {
    load(file);
  } catch (e) {
    if (!(e instanceof YamlLoadError)) throw e;
    expect(e.message).toContain(`in '${file}'`);
    expect(e.stack === undefined || !e.message.includes('    at ')).toBe(true);
    return e;
  }
  throw new Error('expected a YamlLoadError');
}

describe('bad input names the file, the line, the key and the fix', () => {
  const { workspace } = workspaceStack();
  const model = (f: string) => ModelYaml.inWorkspace(workspace, f);

  test('malformed YAML: the syntax error with its line', () => {
    // The parser sees the problem where the value that cannot take a nested mapping starts.
    const e = failure('name: churn\npath: model\n  version: 2\n', model);
    expect(e.yamlProblems).toHaveLength(1);
    expect(e.message).toMatch(/line 2, \(syntax\) \(value: "path: model"\) is not valid YAML: Nested mappings.*Fix: fix the indentation/s);
  });

  test('a duplicate key is refused (the CLI would keep the last silently)', () => {
    const e = failure('name: churn\npath: model\nname: other\n', model);
    expect(e.message).toMatch(/line 3.*Fix: keep one of the two keys/s);
  });

  test('an unknown key, with did-you-mean', () => {
    const e = failure('name: churn\nversion: 1\npth: model\n', model);
    const p = e.yamlProblems.find((x) => x.key === 'pth')!;
    expect(p.line).toBe(3);
    expect(p.rule).toContain('is not a key of this file');
    expect(p.fix).toContain('did you mean `path`?');
    // The same file is also missing `path`: every problem comes in one error.
    expect(e.yamlProblems.map((x) => x.key)).toContain('path');
  });

  test('a nested unknown key has the nested line', () => {
    const e = failure('name: env\nversion: 1\nbuild:\n  path: ctx\n  dockerfile: Dockerfile\n', (f) => EnvironmentYaml.inWorkspace(workspace, f));
    const p = e.yamlProblems[0];
    expect([p.line, p.key]).toEqual([5, 'build.dockerfile']);
    expect(p.fix).toContain('did you mean `dockerfile_path`?');
  });

  test('a missing required key names the key to add', () => {
    const e = failure('path: model\nversion: 1\n', model);
    expect(e.yamlProblems).toEqual([expect.objectContaining({ key: 'name', rule: 'is required', fix: expect.stringContaining('add `name:`') })]);
  });

  test('a wrong enum value, with did-you-mean', () => {
    const e = failure('name: churn\nversion: 1\npath: model\ntype: mlflow\n', model);
    expect(e.yamlProblems[0]).toMatchObject({ line: 4, key: 'type', fix: expect.stringContaining('did you mean `mlflow_model`?') });
  });

  test('a wrong type', () => {
    const e = failure('name: churn\nversion: 1\npath: model\ntags: [a, b]\n', model);
    expect(e.yamlProblems[0]).toMatchObject({ line: 4, key: 'tags', rule: 'must be a mapping' });
  });

  test('a local path that does not exist: the construct\'s problem, placed on `path` and its line', () => {
    const e = failure('name: churn\nversion: 1\npath: no-such-folder\n', model);
    expect(e.yamlProblems[0]).toMatchObject({ line: 3, key: 'path' });
    expect(e.yamlProblems[0].rule).toContain('does not exist');
  });

  test('a key the library cannot carry is refused, not dropped', () => {
    const e = failure('name: churn\nversion: 1\npath: m\nflavors:\n  sklearn: {}\n', model, { 'm/model.pkl': 'x' });
    expect(e.yamlProblems[0]).toMatchObject({ line: 4, key: 'flavors', rule: 'is not supported by this library' });
  });

  test('an environment with neither image nor build', () => {
    const e = failure('name: env\nversion: 1\n', (f) => EnvironmentYaml.inWorkspace(workspace, f));
    expect(e.yamlProblems[0].rule).toBe('needs `image` or `build`');
  });

  test('a file that is not a mapping', () => {
    const e = failure('- a\n- b\n', (f) => DataYaml.inWorkspace(workspace, f));
    expect(e.yamlProblems[0]).toMatchObject({ line: 1, key: '(file)', rule: 'must be a mapping of keys to values' });
  });

  test('a file that does not exist', () => {
    expect(() => model('/no/such/model.yml')).toThrow(/Invalid model YAML in '\/no\/such\/model.yml'.*cannot be read \(ENOENT/);
  });

  test('a bad --set key path', () => {
    expect(() => ModelYaml.inWorkspace(workspace, '/dev/null', { set: { 'a..b': '1' } })).toThrow(YamlLoadError);
  });
});

describe('lines are right wherever the key is (property, fixed seed)', () => {
  const KEYS = ['name: churn', 'version: 1', 'path: azureml://datastores/d/paths/p', 'description: d', 'type: custom_model'];
  const TYPOS: Record<string, string> = { name: 'nmae', version: 'verison', path: 'pth', description: 'descripton', type: 'tpye' };

  test('a misspelled key is reported on its own line, with the right guess', () => {
    const { workspace } = workspaceStack();
    fc.assert(fc.property(fc.shuffledSubarray(KEYS, { minLength: KEYS.length, maxLength: KEYS.length }), fc.nat(KEYS.length - 1), fc.nat(3),
      (keys, typoAt, blankLines) => {
        const lines = keys.map((k, i) => (i === typoAt ? k.replace(/^(\w+)/, (m) => TYPOS[m]) : k));
        const typoKey = lines[typoAt].split(':')[0];
        const text = `${'# comment\n'.repeat(blankLines)}${lines.join('\n')}\n`;
        const e = failure(text, (f) => ModelYaml.inWorkspace(workspace, f));
        const p = e.yamlProblems.find((x) => x.key === typoKey)!;
        expect(p.line).toBe(blankLines + typoAt + 1);
        expect(p.fix).toContain(`did you mean \`${keys[typoAt].split(':')[0]}\`?`);
      }), { seed: 7, numRuns: 40 });
  });
});
