<?xml version="1.0" encoding="UTF-8"?>
<!-- openwork: shows an RSS 2.0 or Atom 1.0 feed as a readable page when someone opens it in a
     browser, explaining what a feed is and how to follow it. Feed readers ignore this file. -->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom"
  exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="UTF-8" indent="no"
    doctype-system="about:legacy-compat"/>

  <xsl:variable name="is-atom" select="boolean(/atom:feed)"/>
  <xsl:variable name="title">
    <xsl:choose>
      <xsl:when test="$is-atom"><xsl:value-of select="/atom:feed/atom:title"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="/rss/channel/title"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="self">
    <xsl:choose>
      <xsl:when test="$is-atom"><xsl:value-of select="/atom:feed/atom:link[@rel='self']/@href"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="/rss/channel/atom:link[@rel='self']/@href"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="home">
    <xsl:choose>
      <xsl:when test="$is-atom"><xsl:value-of select="/atom:feed/atom:link[not(@rel) or @rel='alternate'][1]/@href"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="/rss/channel/link"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="lang">
    <xsl:choose>
      <xsl:when test="$is-atom and /atom:feed/@xml:lang"><xsl:value-of select="/atom:feed/@xml:lang"/></xsl:when>
      <xsl:when test="/rss/channel/language"><xsl:value-of select="/rss/channel/language"/></xsl:when>
      <xsl:otherwise>en</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="format">
    <xsl:choose>
      <xsl:when test="$is-atom">Atom</xsl:when>
      <xsl:otherwise>RSS</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template match="/">
    <html lang="{$lang}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="robots" content="noindex"/>
        <title><xsl:value-of select="$title"/> (<xsl:value-of select="$format"/> feed)</title>
        <style>
          :root { color-scheme: light dark; --fg: #1d1d1f; --muted: #555; --bg: #fff; --box: #f3f4f8; --line: #d0d3dc; --link: #2f42a8; }
          @media (prefers-color-scheme: dark) { :root { --fg: #e8e9ee; --muted: #b0b4c1; --bg: #1e2129; --box: #272a35; --line: #444a5a; --link: #93b4ff; } }
          body { margin: 0; font: 1rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
          main { max-width: 44rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
          a { color: var(--link); text-decoration: underline; text-underline-offset: .15em; }
          .ow-about { background: var(--box); border: 1px solid var(--line); border-radius: .5rem; padding: .8rem 1.1rem; }
          .ow-about p { margin: .4rem 0; }
          .ow-kicker { font-size: .85rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); margin: 0; }
          h1 { font-size: 1.7rem; line-height: 1.25; margin: .2rem 0 1rem; }
          label { font-weight: 600; display: block; margin-top: .6rem; }
          input { width: 100%; box-sizing: border-box; font: .9rem ui-monospace, monospace; padding: .4rem .5rem; color: var(--fg); background: var(--bg); border: 1px solid var(--line); border-radius: .3rem; }
          ol { list-style: none; padding: 0; }
          li { border-bottom: 1px solid var(--line); padding: .8rem 0; }
          li h3 { margin: 0; font-size: 1.1rem; }
          .ow-date { color: var(--muted); font-size: .9rem; }
          li p { margin: .3rem 0 0; }
        </style>
      </head>
      <body>
        <main>
          <p class="ow-kicker"><xsl:value-of select="$format"/> feed</p>
          <h1><xsl:value-of select="$title"/></h1>
          <section class="ow-about" aria-labelledby="ow-about-title">
            <h2 id="ow-about-title" style="font-size:1.1rem;margin:.2rem 0">This is a web feed</h2>
            <p>A feed lets you follow new posts without visiting the site: a feed reader app
              (Feedly, Inoreader, NetNewsWire, Thunderbird, or your e-mail or chat tool's feed
              feature) checks it for you and shows what is new.</p>
            <p>To subscribe, copy this page's address into your feed reader.</p>
            <label for="ow-feed-address">Feed address</label>
            <input id="ow-feed-address" type="text" readonly="readonly" value="{$self}" onfocus="this.select()"/>
            <p><a href="{$home}">Read it on the website instead</a></p>
          </section>
          <h2>Latest</h2>
          <ol>
            <xsl:choose>
              <xsl:when test="$is-atom"><xsl:apply-templates select="/atom:feed/atom:entry"/></xsl:when>
              <xsl:otherwise><xsl:apply-templates select="/rss/channel/item"/></xsl:otherwise>
            </xsl:choose>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="item">
    <li class="ow-feed-item">
      <h3><a href="{link}"><xsl:value-of select="title"/></a></h3>
      <div class="ow-date"><xsl:value-of select="substring(pubDate, 6, 11)"/></div>
      <xsl:if test="description">
        <p><xsl:call-template name="unescape"><xsl:with-param name="text" select="description"/></xsl:call-template></p>
      </xsl:if>
    </li>
  </xsl:template>

  <xsl:template match="atom:entry">
    <li class="ow-feed-item">
      <h3><a href="{atom:link[not(@rel) or @rel='alternate'][1]/@href}"><xsl:value-of select="atom:title"/></a></h3>
      <div class="ow-date"><xsl:value-of select="substring(atom:published, 1, 10)"/></div>
      <xsl:if test="atom:summary"><p><xsl:value-of select="atom:summary"/></p></xsl:if>
    </li>
  </xsl:template>

  <!-- An RSS description is HTML, so openwork writes a summary's text escaped ("&amp;amp;"):
       show the characters, not the entities. Only what html.escape writes is undone. -->
  <xsl:template name="unescape">
    <xsl:param name="text"/>
    <xsl:choose>
      <xsl:when test="contains($text, '&amp;')">
        <xsl:value-of select="substring-before($text, '&amp;')"/>
        <xsl:variable name="rest" select="substring-after($text, '&amp;')"/>
        <xsl:choose>
          <xsl:when test="starts-with($rest, 'amp;')">&amp;<xsl:call-template name="unescape"><xsl:with-param name="text" select="substring($rest, 5)"/></xsl:call-template></xsl:when>
          <xsl:when test="starts-with($rest, 'lt;')">&lt;<xsl:call-template name="unescape"><xsl:with-param name="text" select="substring($rest, 4)"/></xsl:call-template></xsl:when>
          <xsl:when test="starts-with($rest, 'gt;')">&gt;<xsl:call-template name="unescape"><xsl:with-param name="text" select="substring($rest, 4)"/></xsl:call-template></xsl:when>
          <xsl:when test="starts-with($rest, 'quot;')">"<xsl:call-template name="unescape"><xsl:with-param name="text" select="substring($rest, 6)"/></xsl:call-template></xsl:when>
          <xsl:when test="starts-with($rest, '#x27;')">'<xsl:call-template name="unescape"><xsl:with-param name="text" select="substring($rest, 6)"/></xsl:call-template></xsl:when>
          <xsl:otherwise>&amp;<xsl:call-template name="unescape"><xsl:with-param name="text" select="$rest"/></xsl:call-template></xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
