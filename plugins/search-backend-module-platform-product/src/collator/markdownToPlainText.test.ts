import { markdownToPlainText } from './markdownToPlainText';

describe('markdownToPlainText', () => {
  it('keeps the words and drops the markup', () => {
    const markdown = [
      '## What changes',
      '',
      'The **old** `deploy` command is _deprecated_, see [the guide](https://docs.example.com/guide).',
      '',
      '- [x] migrate the pipeline',
      '1. run `deploy v2`',
      '',
      '> Read this first',
      '',
      '![architecture diagram](https://example.com/a.png)',
      '',
      '```sh',
      'deploy --v2',
      '```',
      '',
      '---',
      '',
      '| step | owner |',
      '| ---- | ----- |',
      '| one  | team  |',
      '',
      '<details>Hidden <b>bold</b></details> ~~gone~~ snake_case_name',
      '[docs]: https://docs.example.com',
    ].join('\n');

    expect(markdownToPlainText(markdown)).toBe(
      [
        'What changes',
        '',
        'The old deploy command is deprecated, see the guide.',
        '',
        'migrate the pipeline',
        'run deploy v2',
        '',
        'Read this first',
        '',
        'architecture diagram',
        '',
        'deploy --v2',
        '',
        'step owner',
        'one team',
        '',
        'Hidden bold gone snake_case_name',
      ].join('\n'),
    );
  });

  it('leaves plain text alone', () => {
    expect(markdownToPlainText('  Nothing to strip here.  ')).toBe(
      'Nothing to strip here.',
    );
  });
});
