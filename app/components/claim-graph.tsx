// The claim page's small graph of linked claims. It is drawn in the browser only:
// cytoscape is imported on demand inside an effect, so the server bundle never runs it,
// and a page without JavaScript shows just the list of links, which says the same.
import { useNavigate } from '@remix-run/react'
import type { Core, ElementDefinition, StylesheetJson } from 'cytoscape'
import { useEffect, useRef, useState } from 'react'
import { linkLabels } from '#app/domain/labels.ts'
import { shorten } from '#app/utils/format.ts'
import { verdicts, type ClaimStatus, type LinkType, type Verdict } from '#app/domain/vocabulary.ts'
import { VerdictBadge } from './ui/badges.tsx'

/**
 * Cytoscape writes an inline <style> into the page unless an element with this id exists,
 * and the Content-Security-Policy refuses inline styles. Its one rule (position: relative)
 * is in app.css under .claim-graph-canvas, so a marker is all it needs to find.
 */
function preventCytoscapeInlineStyle() {
  const id = '__________cytoscape_stylesheet'
  if (document.getElementById(id)) return
  const marker = document.createElement('meta')
  marker.id = id
  document.head.append(marker)
}

export type ClaimGraphData = {
  nodes: Array<{ id: number; text: string; status: ClaimStatus; verdict: Verdict | null }>
  edges: Array<{ id: number; from: number; to: number; type: LinkType }>
  truncated: boolean
}

/**
 * How much of a claim's text its node shows: the first words in a small graph, fewer in a
 * larger one, only the number in a crowded one (the list and the tooltip have the rest).
 */
function nodeLabel(node: ClaimGraphData['nodes'][number], graphSize: number) {
  if (graphSize <= 5) return `#${node.id} ${shorten(node.text, 42)}`
  if (graphSize <= 12) return `#${node.id} ${shorten(node.text, 24)}`
  return `#${node.id}`
}

/** Steps from the claim to every other node. */
function distancesFrom(claimId: number, edges: ClaimGraphData['edges']) {
  const distance = new Map([[claimId, 0]])
  for (let frontier = [claimId]; frontier.length > 0;) {
    const next: number[] = []
    for (const edge of edges) {
      for (const [here, there] of [
        [edge.from, edge.to],
        [edge.to, edge.from],
      ] as const) {
        if (frontier.includes(here) && !distance.has(there)) {
          distance.set(there, distance.get(here)! + 1)
          next.push(there)
        }
      }
    }
    frontier = next
  }
  return distance
}

/**
 * The claim in the middle, its direct links on an ellipse around it, and their own links
 * further out, each beyond the neighbour it hangs on so that no edge crosses the middle.
 * An ellipse, not a circle: the card is wide and low, and edge labels need room.
 */
function ringPositions(claimId: number, graph: ClaimGraphData, width: number, height: number) {
  const distance = distancesFrom(claimId, graph.edges)
  const others = graph.nodes.filter((n) => n.id !== claimId).map((n) => n.id)
  const inner = others.filter((id) => distance.get(id) === 1)
  const outer = others.filter((id) => distance.get(id) !== 1)
  // Room for a label (about 130px wide, up to three lines) beside and below the outermost nodes.
  const rx = Math.max(width / 2 - 75, 140)
  const ry = Math.max(height / 2 - 40, 50)
  const at = (angle: number, scale: number) => ({ x: Math.cos(angle) * rx * scale, y: Math.sin(angle) * ry * scale })
  const positions: Record<string, { x: number; y: number }> = { [claimId]: { x: 0, y: 0 } }

  // Balanced left and right of the claim: one neighbour beside it, two either side, three
  // as a Y, and so on round the ellipse.
  const start = inner.length === 1 ? 0 : -Math.PI / 2 + Math.PI / inner.length
  const share = (2 * Math.PI) / Math.max(inner.length, 1)
  const angleOf = new Map(inner.map((id, i) => [id, start + i * share]))
  for (const id of inner) positions[id] = at(angleOf.get(id)!, outer.length > 0 ? 0.55 : 1)

  const hangingOn = new Map<number, number[]>()
  for (const id of outer) {
    const edge = graph.edges.find((e) => (e.from === id && angleOf.has(e.to)) || (e.to === id && angleOf.has(e.from)))
    const parent = edge ? (edge.from === id ? edge.to : edge.from) : claimId
    hangingOn.set(parent, [...(hangingOn.get(parent) ?? []), id])
  }
  for (const [parent, ids] of hangingOn) {
    const spread = Math.min(share / ids.length, 0.5)
    ids.forEach((id, i) => {
      positions[id] = at((angleOf.get(parent) ?? 0) + (i - (ids.length - 1) / 2) * spread, 1)
    })
  }
  return stretched(positions, { x: width / 2 - 75, top: height / 2 - 18, bottom: height / 2 - 48 })
}

/**
 * The layout stretched, each way on its own, to fill the card: a lopsided neighbourhood
 * would otherwise sit small in one corner. Labels keep their size; the space between
 * the nodes grows. `room` is how far node centres may go from the middle of the card.
 */
function stretched(
  positions: Record<string, { x: number; y: number }>,
  room: { x: number; top: number; bottom: number },
) {
  const all = Object.values(positions)
  const span = (values: number[]) => [Math.min(...values), Math.max(...values)] as const
  const [left, right] = span(all.map((p) => p.x))
  const [top, bottom] = span(all.map((p) => p.y))
  const fit = (value: number, from: number, to: number, min: number, max: number) =>
    to - from < 1 ? value : min + ((value - from) / (to - from)) * (max - min)
  return Object.fromEntries(
    Object.entries(positions).map(([id, p]) => [
      id,
      { x: fit(p.x, left, right, -room.x, room.x), y: fit(p.y, top, bottom, -room.top, room.bottom) },
    ]),
  )
}

/** Whether every claim sits on one line across, so the card can be low. */
function isFlat(claimId: number, graph: ClaimGraphData) {
  return Object.values(ringPositions(claimId, graph, 800, 320)).every((p) => Math.abs(p.y) < 1)
}

/** The verdict colours are the badges' (custom properties in app.css), so graph and badges agree. */
function verdictColour(styles: CSSStyleDeclaration, verdict: Verdict) {
  return styles.getPropertyValue(`--verdict-${verdict}`).trim() || '#4b5563'
}

function elementsOf(claimId: number, graph: ClaimGraphData, styles: CSSStyleDeclaration): ElementDefinition[] {
  const nodes = graph.nodes.map((node) => ({
    data: {
      id: String(node.id),
      label: node.id === claimId ? `#${node.id} (this claim)` : nodeLabel(node, graph.nodes.length),
      title: `#${node.id} ${node.text}`,
      colour: node.verdict ? verdictColour(styles, node.verdict) : '#ffffff',
      border: node.verdict ? verdictColour(styles, node.verdict) : '#6b7480',
    },
    classes: node.id === claimId ? 'current' : '',
  }))
  const edges = graph.edges.map((edge) => ({
    data: {
      id: `link-${edge.id}`,
      source: String(edge.from),
      target: String(edge.to),
      label: linkLabels[edge.type].outgoing,
    },
    classes: edge.type,
  }))
  return [...nodes, ...edges]
}

const stylesheet: StylesheetJson = [
  {
    selector: 'node',
    style: {
      width: 22,
      height: 22,
      'background-color': 'data(colour)',
      'border-width': 2,
      'border-color': 'data(border)',
      label: 'data(label)',
      'font-family': 'system-ui, sans-serif',
      'font-size': 11,
      color: '#1b1f24',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'wrap',
      'text-max-width': '130px',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
    },
  },
  {
    selector: 'node.current',
    style: { width: 30, height: 30, 'border-width': 4, 'border-color': '#0b5cad', 'font-weight': 'bold' },
  },
  {
    selector: 'edge',
    style: {
      width: 1.5,
      'curve-style': 'bezier',
      'line-color': '#8a939e',
      'target-arrow-shape': 'triangle',
      'target-arrow-color': '#8a939e',
      label: 'data(label)',
      'font-family': 'system-ui, sans-serif',
      'font-size': 10,
      color: '#4a525c',
      'text-background-color': '#f8f9fb',
      'text-background-opacity': 1,
      'text-background-padding': '1px',
    },
  },
  // "related" reads the same from both ends, so it has no arrow; a duplicate is dashed.
  { selector: 'edge.related', style: { 'target-arrow-shape': 'none', 'line-style': 'dotted' } },
  { selector: 'edge.duplicate_of', style: { 'line-style': 'dashed' } },
]

/** The graph itself; mounted only in the browser. */
function GraphCanvas({ claimId, graph }: { claimId: number; graph: ClaimGraphData }) {
  const container = useRef<HTMLDivElement>(null)
  const navigate = useNavigate()
  const navigateRef = useRef(navigate)
  navigateRef.current = navigate
  const [failed, setFailed] = useState(false)
  // Rebuild only when what is drawn changes, not on every revalidation of the page.
  const drawn = JSON.stringify([claimId, graph])

  useEffect(() => {
    let cy: Core | undefined
    let cancelled = false
    import('cytoscape')
      .then(({ default: cytoscape }) => {
        const element = container.current
        if (cancelled || !element) return
        preventCytoscapeInlineStyle()
        const positions = ringPositions(claimId, graph, element.clientWidth, element.clientHeight)
        cy = cytoscape({
          container: element,
          elements: elementsOf(claimId, graph, getComputedStyle(element)),
          style: stylesheet,
          layout: { name: 'preset', positions, fit: true, padding: 12 },
          minZoom: 0.4,
          maxZoom: 1,
          // A card on a page that scrolls: the wheel scrolls the page, the graph stays put.
          userZoomingEnabled: false,
          userPanningEnabled: false,
          boxSelectionEnabled: false,
          autoungrabify: true,
        })
        cy.on('tap', 'node', (event) => {
          const id = event.target.id()
          if (id !== String(claimId)) navigateRef.current(`/claims/${id}`)
        })
        cy.on('mouseover', 'node', (event) => {
          element.title = event.target.data('title')
          element.style.cursor = event.target.id() === String(claimId) ? '' : 'pointer'
        })
        cy.on('mouseout', 'node', () => {
          element.title = ''
          element.style.cursor = ''
        })
      })
      .catch(() => setFailed(true))
    return () => {
      cancelled = true
      cy?.destroy()
    }
    // `drawn` stands for claimId and graph.
  }, [drawn])

  if (failed) return null
  const shownVerdicts = verdicts.filter((v) => graph.nodes.some((n) => n.verdict === v))
  return (
    <figure className="claim-graph">
      <div
        ref={container}
        className={`claim-graph-canvas${isFlat(claimId, graph) ? ' flat' : ''}`}
        role="img"
        aria-label="Graph of this claim and the claims linked to it; the list below has the same links."
      />
      <figcaption className="small muted">
        {shownVerdicts.length > 0 ? (
          <>
            Colours show the verdict:{' '}
            {shownVerdicts.map((v) => (
              <VerdictBadge key={v} verdict={v} />
            ))}
            {graph.nodes.some((n) => !n.verdict) ? '; white: no verdict yet. ' : '. '}
          </>
        ) : (
          'White: no verdict yet. '
        )}
        This claim has the blue ring; click another claim to open it.
        {graph.truncated ? ` Only the ${graph.nodes.length} closest claims are shown.` : ''}
      </figcaption>
    </figure>
  )
}

/**
 * The neighbourhood graph, once the page runs in a browser and the claim has links. On
 * the server and without JavaScript it renders nothing.
 */
export function ClaimGraph({ claimId, graph }: { claimId: number; graph: ClaimGraphData }) {
  const [inBrowser, setInBrowser] = useState(false)
  useEffect(() => setInBrowser(true), [])
  if (!inBrowser || graph.edges.length === 0) return null
  return <GraphCanvas claimId={claimId} graph={graph} />
}
