// The outlet filter's choices (claims list, export): each outlet once, in order, only
// while a live source carries it, and a chosen outlet even when no source has it now.
import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { createSource, outletFilterOptions } from '#app/domain/sources.server.ts'
import { db } from '#db/client.ts'
import { sources } from '#db/schema.ts'
import { makeUser } from '#test/helpers/fixtures.ts'

const editor = await makeUser('editor')
const source = (title: string, outlet?: string) => createSource({ title, outlet, kind: 'article' }, editor.id)
const trash = (id: number) => db.update(sources).set({ deletedAt: new Date() }).where(eq(sources.id, id)).run()

test('lists each outlet of a live source once, in order, and keeps a chosen one that is gone', () => {
  source('Zweiter Bericht', 'Tagesblatt')
  source('Erster Bericht', 'Tagesblatt')
  source('Ein Kommentar', 'Abendpost')
  source('Ohne Zeitung')
  trash(source('Gelöschter Bericht', 'Eingestellt'))
  // One deleted source does not take the outlet away while another still carries it.
  trash(source('Alter Bericht', 'Abendpost'))

  expect(outletFilterOptions()).toEqual(['Abendpost', 'Tagesblatt'])
  expect(outletFilterOptions('Eingestellt')).toEqual(['Eingestellt', 'Abendpost', 'Tagesblatt'])
  expect(outletFilterOptions('Tagesblatt')).toEqual(['Abendpost', 'Tagesblatt'])
  expect(outletFilterOptions(undefined, 1)).toEqual(['Abendpost'])
})
