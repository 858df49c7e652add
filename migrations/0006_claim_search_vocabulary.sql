-- How many claims each word of the search index occurs in (issue 4, possible duplicates,
-- decision 012). An fts5vocab table holds no data of its own: it reads the counts out of
-- claims_fts as it stands, so it needs no triggers. Possible duplicates look their
-- draft's words up here and search the index with the rarest, which say most about a
-- claim and keep the ranked candidate search small at any desk size.
CREATE VIRTUAL TABLE claims_fts_vocab USING fts5vocab(claims_fts, 'row');
