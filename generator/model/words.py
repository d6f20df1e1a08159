"""Words search leaves out of a query and of a page's terms: declared once, for the model's
check of questions, the search terms and the page script that reads a query."""

from __future__ import annotations

# fmt: off
STOP_WORDS = frozenset({
    "a", "about", "again", "all", "am", "an", "and", "any", "are", "as", "at", "be", "been",
    "being", "but", "by", "can", "could", "did", "do", "does", "doing", "done", "for", "from",
    "get", "gets", "got", "had", "has", "have", "he", "her", "here", "him", "his", "how", "i",
    "if", "in", "into", "is", "its", "just", "make", "makes", "may", "me", "might",
    "must", "my", "need", "needs", "of", "on", "onto", "or", "our", "shall", "she",
    "should", "so", "some", "than", "that", "the", "their", "them", "then", "there", "these",
    "they", "this", "those", "to", "us", "very", "was", "we", "were", "what", "when",
    "where", "which", "while", "who", "whom", "whose", "why", "will", "with", "would", "you",
    "your",
})
# fmt: on
"""Function words that say nothing about which page a reader wants. They get no word forms,
and search leaves them out of a query that has other words (the build publishes this list for
the search worker: STOP_WORDS_SCRIPT in generator/search_terms.py). Words a runner uses to
mean something stay out of the list: 'after' and 'before' a run, 'no' equipment, 'up' in
step-up, 'it' in IT band."""
