/* eslint-disable no-script-url */
import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { safeLinkUri, SafeMarkdown } from './SafeMarkdown';

describe('safeLinkUri', () => {
  it.each([
    'https://example.com/a?b=c',
    'http://example.com',
    'mailto:team@example.com',
    '/catalog/default/component/deploy-cli',
    '../docs',
    '#section',
  ])('keeps %s', uri => {
    expect(safeLinkUri(uri)).toBe(uri);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox(1)',
  ])('makes %j inert', uri => {
    expect(safeLinkUri(uri)).toBe('');
  });
});

describe('SafeMarkdown', () => {
  it('renders markdown, makes script links plain text and shows raw HTML as text', async () => {
    await renderInTestApp(
      <SafeMarkdown
        content={[
          '## Heading',
          '',
          '[docs](https://docs.example.com) and [click me](javascript:alert(1)) and [also](JAVASCRIPT:alert(2))',
          '',
          '<img src="x" onerror="alert(3)"><script>alert(4)</script>',
        ].join('\n')}
      />,
    );
    expect(
      screen.getByRole('heading', { name: 'Heading' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /docs/ })).toHaveAttribute(
      'href',
      'https://docs.example.com',
    );
    expect(screen.getByText(/click me/)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /click me/ })).toBeNull();
    expect(screen.queryByRole('link', { name: /also/ })).toBeNull();
    expect(document.querySelector('a[href^="javascript" i]')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('script')).toBeNull();
    expect(screen.getByText(/<img src="x"/)).toBeInTheDocument();
  });
});
