"""Article text inside Markdown shows as written."""

from nbconvert.filters.markdown import markdown2html

from newstables.escaping import markdown_text


def test_tags_links_emphasis_and_math_in_article_text_render_as_text():
    text = "<script>alert(1)</script> [x](javascript:alert(1)) *a* _b_ `c` $5 to $10 | # & \\"
    html = markdown2html(f"- {markdown_text(text)}")
    assert "<script>" not in html and "<a " not in html and "<em>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "[x](javascript:alert(1)) *a* _b_ `c` $5 to $10 | # &amp; \\" in html


def test_plain_text_is_left_as_it_is():
    assert markdown_text("24% of 1,200 words (82 quoted).") == "24% of 1,200 words (82 quoted)."
