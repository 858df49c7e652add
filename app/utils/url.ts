/**
 * A URL's query as an object, without empty parameters: a GET form sends every field,
 * and "Any" (an empty value) must mean "no filter", not "equals the empty string".
 */
export function queryParams(url: string | URL) {
  const params = new URL(url).searchParams
  return Object.fromEntries([...params].filter(([, value]) => value.trim() !== ''))
}
