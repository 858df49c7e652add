// The claim page's small graph of linked claims. It is drawn in the browser only:
// cytoscape is imported on demand inside an effect, so the server bundle never runs it,
// and a page without JavaScript shows just the list of links, which says the same.
import { useNavigate } from '@remix-run/react'
import type { Core, ElementDefinition, NodeSingular, StylesheetJson } from 'cytoscape'
import { useEffect, useRef, useState } from 'react'
import { linkLabels } from '#app/domain/labels.ts'
import { shorten } from '#app/utils/format.ts'
import { verdicts, type ClaimStatus, type LinkType, type Verdict } from '#app/domain/vocabulary.ts'
import { VerdictBadge } from './ui/badges.tsx'

export type ClaimGraphData = {
  nodes: Array<{ id: number; text: string; status: ClaimStatus; verdict: Verdict | null }>
  edges: Array<{ id: number; from: number; to: number; type: LinkType }>
  truncated: boolean
}

/** Up to this many claims each node carries words of its text; beyond it only its number. */
const wordyGraphSize = 10

/** Steps from the claim to every other node, for the rings of the layout. */
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

/** The verdict colours are the badges' (custom properties in app.css), so graph and badges agree. */
function verdictColour(styles: CSSStyleDeclaration, verdict: Verdict) {
  return styles.getPropertyValue(`--verdict-${verdict}`).trim() || '#4b5563'
}

function elementsOf(claimId: number, graph: ClaimGraphData, styles: CSSStyleDeclaration): ElementDefinition[] {
  const wordy = graph.nodes.length <= wordyGraphSize
  const nodes = graph.nodes.map((node) => ({
    data: {
      id: String(node.id),
      label: wordy ? `#${node.id} ${shorten(node.text, 42)}` : `#${node.id}`,
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
        const distance = distancesFrom(claimId, graph.edges)
        cy = cytoscape({
          container: element,
          elements: elementsOf(claimId, graph, getComputedStyle(element)),
          style: stylesheet,
          layout: {
            name: 'concentric',
            concentric: (node: NodeSingular) => 10 - (distance.get(Number(node.id())) ?? 9),
            levelWidth: () => 1,
            minNodeSpacing: graph.nodes.length <= wordyGraphSize ? 70 : 30,
            startAngle: (3 / 2) * Math.PI,
            padding: 16,
            animate: false,
          },
          minZoom: 0.4,
          maxZoom: 1.25,
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
        className="claim-graph-canvas"
        role="img"
        aria-label="Graph of this claim and the claims linked to it; the list below has the same links."
      />
      <figcaption className="small muted">
        Colours show the verdict:{' '}
        {shownVerdicts.map((v) => (
          <VerdictBadge key={v} verdict={v} />
        ))}{' '}
        {graph.nodes.some((n) => !n.verdict) ? 'white for none yet. ' : ''}
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
