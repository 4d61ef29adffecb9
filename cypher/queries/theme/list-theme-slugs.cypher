// Every theme slug, for the suggestion of an "unknown theme" error.
MATCH (t:Theme)
RETURN t.slug AS slug
ORDER BY slug
