import { renderToStaticMarkup } from 'react-dom/server'
import { StaticRouter } from 'react-router-dom/server'
import { describe, expect, test } from 'vitest'
import { CountChart, type CountBar } from '#app/components/ui/count-chart.tsx'

function render(bars: CountBar[]) {
  return renderToStaticMarkup(
    <StaticRouter location="/">
      <CountChart label="Verified claims by verdict" bars={bars} />
    </StaticRouter>,
  )
}

/** Each list item's text, as a screen reader reads it with the markup stripped. */
function itemTexts(html: string) {
  return [...html.matchAll(/<li[^>]*>(.*?)<\/li>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''))
}

const bars: CountBar[] = [
  { key: 'true', label: 'True', value: 4, tone: 'verdict-true', href: '/claims?verdict=true' },
  { key: 'false', label: 'False', value: 1, tone: 'verdict-false', href: '/claims?verdict=false' },
  { key: 'mixed', label: 'Mixed', value: 0, tone: 'verdict-mixed' },
]

describe('CountChart', () => {
  test('is a labelled list whose items read as label and number', () => {
    const html = render(bars)
    expect(html).toMatch(/^<ul class="count-chart" aria-label="Verified claims by verdict">/)
    expect(itemTexts(html)).toEqual(['True: 4', 'False: 1', 'Mixed: 0'])
    // The bars repeat the numbers for the eye only.
    expect(html.match(/class="count-chart-track" aria-hidden="true"/g)).toHaveLength(3)
  })

  test('bars are scaled to the largest count and coloured like the badges', () => {
    const widths = [...render(bars).matchAll(/class="count-chart-bar ([^"]+)" style="width:([^"]+)"/g)].map((m) => [
      m[1],
      m[2],
    ])
    expect(widths).toEqual([
      ['verdict-true', '100%'],
      ['verdict-false', '25%'],
      ['verdict-mixed', '0%'],
    ])
  })

  test('zeros are marked to stay visible as a hairline; bars with a link lead to the list', () => {
    const html = render(bars)
    expect([...html.matchAll(/<li( class="[^"]*")?>/g)].map((m) => m[1] ?? '')).toEqual(['', '', ' class="is-zero"'])
    expect([...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1])).toEqual([
      '/claims?verdict=true',
      '/claims?verdict=false',
    ])
  })

  test('with nothing to count, no bar grows', () => {
    const html = render(bars.map((b) => ({ ...b, value: 0 })))
    expect(html.match(/style="width:0"/g)).toHaveLength(3)
    expect(html.match(/class="is-zero"/g)).toHaveLength(3)
  })
})
