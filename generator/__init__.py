"""The open strength guide for runners: content files in, Markdown pages out."""
