"""Shape 2: a local newspaper article page, saved from the paper's website, with reader comments.

The article text and the comments come from the source file; the site furniture (navigation,
cookie banner, share buttons, adverts, related stories, "Most read", newsletter sign-up, footer)
is fixed template text.  No timestamps are generated at build time.
"""
import html
import json

SITE = "Black Country Ledger"
DOMAIN = "www.blackcountryledger.co.uk"
SLUG = "dudley-partnership-board-to-be-scrapped-in-shake-up-7731904"


def esc(s):
    return html.escape(s, quote=True)


def parse(src):
    meta = {"paras": [], "comments": []}
    for line in src.splitlines():
        if not line.startswith("@"):
            continue
        tag, _, rest = line[1:].partition(" ")
        if tag in ("headline", "standfirst", "byline", "role", "section"):
            meta[tag] = rest
        elif tag in ("published", "updated"):
            meta[tag] = rest.split("|")
        elif tag == "image":
            meta["image"] = rest.split("|")
        elif tag in ("p", "h2", "ad", "related"):
            meta["paras"].append((tag, rest))
        elif tag == "factbox":
            meta["paras"].append((tag, rest))
        elif tag == "comment":
            u, t, likes, text = rest.split("|", 3)
            meta["comments"].append({"user": u, "time": t, "likes": int(likes), "text": text, "replies": []})
        elif tag == "reply":
            u, t, likes, text = rest.split("|", 3)
            meta["comments"][-1]["replies"].append({"user": u, "time": t, "likes": int(likes), "text": text})
    return meta


MOST_READ = [
    ("Man charged after Merry Hill car park crash", "/news/crime/merry-hill-car-park-crash-charge-7731655"),
    ("Black Country Living Museum announces summer opening dates", "/whats-on/living-museum-summer-dates-7730218"),
    ("Dudley partnership board to be scrapped in shake-up of how council works with police and NHS", "/news/local-news/" + SLUG),
    ("Halesowen Town boss praises 'magnificent' fans after late winner", "/sport/football/halesowen-town-late-winner-7731102"),
    ("Roadworks on A461 in Brierley Hill to last until June", "/news/traffic/a461-brierley-hill-roadworks-7729986"),
]

NAV = ["News", "Sport", "What's On", "Business", "Opinion", "Announcements", "Jobs", "Property", "Puzzles"]


def comment_html(c, cid, reply=False):
    cls = "comment comment--reply" if reply else "comment"
    removed = c["user"] == "[removed]"
    user = "Comment removed" if removed else esc(c["user"])
    out = [f'<li class="{cls}" id="comment-{cid}">']
    out.append('  <div class="comment__meta">')
    out.append(f'    <span class="comment__avatar" aria-hidden="true">{esc(c["user"][:1].upper()) if not removed else ""}</span>')
    out.append(f'    <span class="comment__author">{user}</span>')
    out.append(f'    <time class="comment__time">{esc(c["time"])}</time>')
    out.append('  </div>')
    out.append(f'  <p class="comment__body">{esc(c["text"])}</p>')
    if not removed:
        out.append('  <div class="comment__actions">')
        out.append(f'    <button class="comment__like" type="button">Like <span class="comment__likes">{c["likes"]}</span></button>')
        out.append('    <button class="comment__reply" type="button">Reply</button>')
        out.append('    <button class="comment__report" type="button">Report</button>')
        out.append('  </div>')
    return out


def build(src):
    m = parse(src)
    pub_iso, pub_txt = m["published"]
    upd_iso, upd_txt = m["updated"]
    url = f"https://{DOMAIN}/news/local-news/{SLUG}"
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": m["headline"],
        "datePublished": pub_iso,
        "dateModified": upd_iso,
        "author": {"@type": "Person", "name": m["byline"]},
        "publisher": {"@type": "Organization", "name": SITE},
        "mainEntityOfPage": url,
    }
    o = []
    a = o.append
    a("<!DOCTYPE html>")
    a('<html lang="en-GB">')
    a("<head>")
    a('<meta charset="utf-8">')
    a(f"<title>{esc(m['headline'])} | {SITE}</title>")
    a('<meta name="viewport" content="width=device-width, initial-scale=1">')
    a(f'<meta name="description" content="{esc(m["standfirst"])}">')
    a(f'<link rel="canonical" href="{url}">')
    a(f'<meta property="og:title" content="{esc(m["headline"])}">')
    a('<meta property="og:type" content="article">')
    a(f'<meta property="og:url" content="{url}">')
    a(f'<meta property="og:site_name" content="{SITE}">')
    a(f'<meta property="article:published_time" content="{pub_iso}">')
    a('<link rel="stylesheet" href="/static/css/ledger.min.css?v=3.14.2">')
    a('<script type="application/ld+json">' + json.dumps(ld, ensure_ascii=False) + "</script>")
    a("<script>window.dataLayer=window.dataLayer||[];dataLayer.push({'section':'local-news','town':'dudley','paywall':'metered'});</script>")
    a('<script async src="/static/js/ads.bundle.js"></script>')
    a("</head>")
    a('<body class="article-page">')
    a('<div class="cookie-banner" role="dialog" aria-label="Cookie consent">')
    a("  <p>We use cookies to personalise content and ads, to provide social media features and to analyse our traffic. You can change your choices at any time from the Privacy settings link at the bottom of every page.</p>")
    a('  <button type="button">Accept all</button> <button type="button">Manage settings</button>')
    a("</div>")
    a('<a class="skip-link" href="#main">Skip to main content</a>')
    a('<header class="site-header">')
    a(f'  <div class="site-header__logo"><a href="/">{SITE}</a></div>')
    a('  <div class="site-header__date">Thursday, 7 March 2024</div>')
    a('  <nav class="site-nav" aria-label="Main"><ul>')
    for n in NAV:
        a(f'    <li><a href="/{n.lower().replace(" ", "-").replace(chr(39), "")}">{esc(n)}</a></li>')
    a("  </ul></nav>")
    a('  <div class="site-header__actions"><a href="/subscribe">Subscribe</a> <a href="/login">Sign in</a> <a href="/search">Search</a></div>')
    a("</header>")
    a('<div class="ad ad--leaderboard"><span class="ad__label">Advertisement</span><div id="div-gpt-ad-top"></div></div>')
    a('<main id="main">')
    a('<nav class="breadcrumb" aria-label="Breadcrumb"><ol>')
    a('  <li><a href="/news">News</a></li>')
    a('  <li><a href="/news/local-news">Local News</a></li>')
    a(f'  <li><a href="/news/local-news/{m["section"].lower()}">{esc(m["section"])}</a></li>')
    a("</ol></nav>")
    a('<article class="article">')
    a(f'  <h1 class="article__headline">{esc(m["headline"])}</h1>')
    a(f'  <p class="article__standfirst">{esc(m["standfirst"])}</p>')
    a('  <div class="article__byline">')
    a(f'    <div class="byline__name">By <a href="/authors/sophie-marchant">{esc(m["byline"])}</a></div>')
    a(f'    <div class="byline__role">{esc(m["role"])}</div>')
    a(f'    <div class="byline__dates"><time datetime="{pub_iso}">Published {pub_txt}</time> <time datetime="{upd_iso}">Updated {upd_txt}</time></div>')
    a("  </div>")
    a('  <div class="share share--top" aria-label="Share this article">')
    a('    <a class="share__item share__item--facebook" href="https://www.facebook.com/sharer/sharer.php?u=' + url + '">Share on Facebook</a>')
    a('    <a class="share__item share__item--x" href="https://x.com/intent/post?url=' + url + '">Share on X</a>')
    a('    <a class="share__item share__item--whatsapp" href="https://wa.me/?text=' + url + '">Share on WhatsApp</a>')
    a('    <a class="share__item share__item--email" href="mailto:?subject=From%20the%20Ledger&amp;body=' + url + '">Email</a>')
    a('    <button class="share__item share__item--copy" type="button">Copy link</button>')
    a("  </div>")
    alt, cap = m["image"]
    a('  <figure class="article__image">')
    a(f'    <img src="/images/2024/03/06/dudley-council-house.jpg" alt="{esc(alt)}" width="1200" height="675">')
    a(f"    <figcaption>{esc(cap)}</figcaption>")
    a("  </figure>")
    a('  <div class="article__body">')
    for tag, rest in m["paras"]:
        if tag == "p":
            a(f"    <p>{esc(rest)}</p>")
        elif tag == "h2":
            a(f"    <h2>{esc(rest)}</h2>")
        elif tag == "ad":
            a(f'    <div class="ad ad--inline" id="{esc(rest)}"><span class="ad__label">Advertisement</span><div class="ad__slot"></div></div>')
            a('    <div class="ad ad--inline ad--native"><span class="ad__label">Sponsored</span><p class="ad__text">Stourbridge homeowners are switching to solar - see how much you could save this spring</p></div>')
        elif tag == "related":
            a('    <aside class="related-inline"><h3>Read more</h3><ul>')
            for t in rest.split("|"):
                a(f'      <li><a href="/news/local-news/{esc(t.lower().replace(" ", "-")[:48])}">{esc(t)}</a></li>')
            a("    </ul></aside>")
        elif tag == "factbox":
            parts = rest.split("|")
            a('    <aside class="factbox">')
            a(f"      <h3>{esc(parts[0])}</h3>")
            for t in parts[1:]:
                a(f"      <p>{esc(t)}</p>")
            a("    </aside>")
    a("  </div>")
    a('  <div class="article__tags"><span class="tags__label">Topics</span> <a href="/topic/dudley-council">Dudley Council</a> <a href="/topic/nhs">NHS</a> <a href="/topic/west-midlands-police">West Midlands Police</a> <a href="/topic/local-democracy">Local Democracy</a></div>')
    a('  <div class="share share--bottom" aria-label="Share this article">')
    a('    <a class="share__item share__item--facebook" href="https://www.facebook.com/sharer/sharer.php?u=' + url + '">Facebook</a>')
    a('    <a class="share__item share__item--x" href="https://x.com/intent/post?url=' + url + '">X</a>')
    a('    <a class="share__item share__item--whatsapp" href="https://wa.me/?text=' + url + '">WhatsApp</a>')
    a("  </div>")
    a('  <div class="author-bio">')
    a(f'    <p class="author-bio__name">{esc(m["byline"])}</p>')
    a("    <p class=\"author-bio__text\">Sophie covers Dudley, Sandwell and Walsall councils for the Local Democracy Reporting Service, a partnership between the BBC and regional publishers. Got a story? Email sophie.marchant@blackcountryledger.co.uk</p>")
    a("  </div>")
    a("</article>")
    # newsletter
    a('<section class="newsletter-signup" aria-label="Newsletter">')
    a("  <h2>Get the Ledger's Dudley briefing</h2>")
    a("  <p>The biggest local stories, delivered to your inbox every weekday morning.</p>")
    a('  <form action="/newsletter/subscribe" method="post"><label for="nl-email">Email address</label> <input id="nl-email" type="email" name="email" placeholder="Enter your email"> <button type="submit">Sign up</button></form>')
    a("  <p class=\"newsletter-signup__small\">We use your sign-up to provide content in ways you've consented to and to improve our understanding of you. This may include adverts from us and third parties based on our understanding. You can unsubscribe at any time.</p>")
    a("</section>")
    # comments
    n = sum(1 + len(c["replies"]) for c in m["comments"])
    a('<section class="comments" id="comments">')
    a(f'  <h2 class="comments__title">Comments ({n})</h2>')
    a("  <p class=\"comments__rules\">Comments are the views of our readers and not of the Black Country Ledger. Please read our community guidelines before posting.</p>")
    a('  <div class="comments__sort">Sort by: <button type="button" aria-pressed="true">Newest</button> <button type="button">Oldest</button> <button type="button">Most liked</button></div>')
    a('  <ol class="comments__list">')
    cid = 4410870
    for c in m["comments"]:
        cid += 7
        o.extend("    " + x for x in comment_html(c, cid))
        if c["replies"]:
            a('      <ol class="comments__replies">')
            for r in c["replies"]:
                cid += 3
                o.extend("        " + x for x in comment_html(r, cid, reply=True))
                a("        </li>")
            a("      </ol>")
        a("    </li>")
    a("  </ol>")
    a('  <button class="comments__more" type="button">Load more comments</button>')
    a('  <p class="comments__login"><a href="/login">Sign in</a> or <a href="/register">register</a> to join the conversation.</p>')
    a("</section>")
    a("</main>")
    a('<aside class="sidebar">')
    a('  <div class="ad ad--mpu"><span class="ad__label">Advertisement</span><div id="div-gpt-ad-mpu1"></div></div>')
    a('  <section class="most-read"><h2>Most read</h2><ol>')
    for t, href in MOST_READ:
        a(f'    <li><a href="{href}">{esc(t)}</a></li>')
    a("  </ol></section>")
    a('  <section class="promo"><h2>Family notices</h2><p>Place a birth, marriage or death announcement in the Ledger.</p><a href="/announcements">Find out more</a></section>')
    a('  <div class="ad ad--mpu"><span class="ad__label">Advertisement</span><div id="div-gpt-ad-mpu2"></div></div>')
    a("</aside>")
    a('<footer class="site-footer">')
    a('  <nav aria-label="Footer"><ul>')
    for t in ["About us", "Contact us", "Advertise with us", "Complaints", "Terms and conditions", "Privacy notice", "Privacy settings", "Cookie policy", "Modern slavery statement"]:
        a(f'    <li><a href="/{t.lower().replace(" ", "-")}">{t}</a></li>')
    a("  </ul></nav>")
    a("  <p>The Black Country Ledger is regulated by the Independent Press Standards Organisation. If you have a complaint about our content, please contact us first.</p>")
    a("  <p>&copy; 2024 Black Country Ledger Ltd. Registered in England and Wales No. 08451736. Registered office: 21 Wolverhampton Street, Dudley DY1 1DB.</p>")
    a("</footer>")
    a('<script src="/static/js/comments.bundle.js" defer></script>')
    a("</body>")
    a("</html>")
    return ("\n".join(o) + "\n").encode("utf-8")
