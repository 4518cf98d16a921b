// @ts-check
/**
 * XSS vectors for the rich-text tests: each one, if it ran, would call the trap. Used
 * both as Markdown a reader posts through the reference server and as HTML a hostile
 * backend serves as `{format: 'html'}` bodies (misbehaving-server.mjs, mode
 * `html-bodies`). Sources: the OWASP XSS filter evasion cheat sheet, the HTML5 Security
 * Cheatsheet, DOMPurify's past bypasses (mutation XSS through SVG/MathML namespace
 * confusion), and Markdown renderers' link and autolink tricks.
 *
 * Placeholders, filled in by `expand(vector, id)`:
 * - `XSS` → `xss(ID)`, a call of the page's trap;
 * - `TOPXSS` → `top.postMessage('xss:ID','*')`, for code that would run in a frame or
 *   another origin, where it cannot reach the page's functions but can still post;
 * - `B64XSS` → base64 of `<script>TOPXSS</script>`, for data: URLs;
 * - `IDN` → the vector's number, for payloads spelled another way.
 */

/** @type {string[]} */
export const vectors = [
  // Markdown links, autolinks and references with script schemes.
  '[click](javascript:XSS)',
  '[click](JAVASCRIPT:XSS)',
  '[click](javascript&#58;XSS)',
  '[click](&#106;avascript:XSS)',
  '[click](&#x6A;avascript:XSS)',
  '[click](<java\tscript:XSS>)',
  '[click](vbscript:XSS)',
  '[click](data:text/html;base64,B64XSS)',
  '[click](data:text/html,<script>TOPXSS</script>)',
  '<javascript:XSS>',
  '<JaVaScRiPt:XSS>',
  '[a][ref]\n\n[ref]: javascript:XSS',
  '[a][ref]\n\n[ref]: <javascript:XSS>',
  '![img](javascript:XSS)',
  '![x](x" onerror="XSS)',
  '[x](https://example.org" onmouseover="XSS)',
  `[x](https://example.org 'title" onmouseover="XSS')`,
  '[a](javascript://%0aXSS)',
  '[a](javascript://example.org/%0aXSS)',
  '[a](  javascript:XSS  )',
  '[a](jav&#x09;ascript:XSS)',
  '[a](jav&Tab;ascript:XSS)',
  '[a](javascript&colon;XSS)',
  '[a](\\javascript:XSS)',
  '[<img src=x onerror=XSS>](https://example.org)',
  '**<img src=x onerror=XSS>**',
  '`<img src=x onerror=XSS>`',
  '```html\n<img src=x onerror=XSS>\n```',
  '> <svg onload=XSS>',
  '- <iframe src=javascript:XSS></iframe>',
  '# <script>XSS</script>',
  '<details open ontoggle=XSS>\n\nmarkdown inside\n\n</details>',
  '<a href="javascript:XSS">html in markdown</a>',
  '1. [x](javascript:XSS "t")\n2. <a href=javascript:XSS>y</a>',

  // Script elements.
  '<script>XSS</script>',
  '<SCRIPT SRC=data:text/javascript,XSS></SCRIPT>',
  '<script>/*</script><img src=x onerror=XSS>*/</script>',
  '<scr<script>ipt>XSS</scr</script>ipt>',
  '<script type="text/javascript">XSS</script>',
  '<<script>XSS//<</script>',
  '<script src="data:,XSS"></script>',

  // Event handlers, on every element the allow-list keeps and many it does not.
  '<img src=x onerror=XSS>',
  '<img src=x onerror="XSS">',
  '<IMG SRC=x OnErRoR=XSS>',
  '<img src=x onerror=&#x78;ss(IDN)>',
  '<body onload=XSS>',
  '<svg onload=XSS>',
  '<svg/onload=XSS>',
  '<input autofocus onfocus=XSS>',
  '<select autofocus onfocus=XSS></select>',
  '<textarea autofocus onfocus=XSS></textarea>',
  '<keygen autofocus onfocus=XSS>',
  '<details open ontoggle=XSS><summary>s</summary></details>',
  '<video><source onerror=XSS></video>',
  '<audio src=x onerror=XSS>',
  '<marquee onstart=XSS>m</marquee>',
  '<div onmouseover=XSS>hover</div>',
  '<p onclick=XSS>click</p>',
  '<a onfocus=XSS autofocus tabindex=1 href="https://example.org">f</a>',
  '<strong onmouseenter=XSS>s</strong>',
  '<em onpointerdown=XSS>e</em>',
  '<blockquote onanimationstart=XSS style="animation:x 1s">b</blockquote>',
  '<ul><li onfocusin=XSS tabindex=0>l</li></ul>',
  '<code onkeydown=XSS contenteditable>c</code>',
  '<h3 onwheel=XSS>h</h3>',
  '<ol oncopy=XSS start=2><li>o</li></ol>',
  '<pre onbeforetoggle=XSS popover>p</pre>',
  '<br onclick=XSS>',
  '<form><button formaction=javascript:XSS>go</button></form>',
  '<form action=javascript:XSS><input type=submit></form>',
  '<isindex type=image src=1 onerror=XSS>',
  '<object data="javascript:XSS"></object>',
  '<embed src="javascript:XSS">',
  '<iframe src="javascript:XSS"></iframe>',
  '<iframe srcdoc="<script>TOPXSS</script>"></iframe>',
  '<iframe src="data:text/html;base64,B64XSS"></iframe>',
  '<meta http-equiv="refresh" content="0;url=javascript:XSS">',
  '<base href="javascript:XSS//"><a href="x">based</a>',
  '<link rel=import href="data:text/html,<script>TOPXSS</script>">',
  "<style>@import 'javascript:XSS';</style>",
  '<div style="background:url(javascript:XSS)">d</div>',
  '<div style="x:expression(XSS)">d</div>',
  '<img src=x onerror=XSS style=display:none>',

  // Script schemes in raw HTML links.
  '<a href="javascript:XSS">j</a>',
  '<a href="JaVaScRiPt:XSS">j</a>',
  '<a href=" javascript:XSS">j</a>',
  '<a href="java&#x09;script:XSS">j</a>',
  '<a href="java&#10;script:XSS">j</a>',
  '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;XSS">j</a>',
  '<a href="&#106&#97&#118&#97&#115&#99&#114&#105&#112&#116&#58XSS">j</a>',
  '<a href="javascript&colon;XSS">j</a>',
  '<a href="data:text/html;base64,B64XSS">d</a>',
  '<a href="vbscript:XSS">v</a>',
  '<a href="\u0001javascript:XSS">c</a>',
  '<a href="javascript:XSS" target=_self>t</a>',
  '<a xlink:href="javascript:XSS">x</a>',
  '<a href="jAvAsCrIpT&colon;XSS">j</a>',
  '<a href="https://example.org/" onclick="XSS">handler on a good link</a>',

  // SVG and MathML.
  '<svg><script>XSS</script></svg>',
  '<svg><a xlink:href="javascript:XSS"><text y=20>x</text></a></svg>',
  '<svg><animate onbegin=XSS attributeName=x dur=1s></svg>',
  '<svg><a><set attributeName=href to=javascript:XSS /><text y=20>x</text></a></svg>',
  '<svg><foreignObject><img src=x onerror=XSS></foreignObject></svg>',
  '<svg><style><img src=x onerror=XSS></style></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=XSS></style></mglyph></table></mtext></math>',
  '<math><mi xlink:href="javascript:XSS">x</mi></math>',
  '<math href="javascript:XSS">x</math>',
  '<math><maction actiontype=statusline xlink:href=javascript:XSS>x</maction></math>',
  '<svg><image href=x onerror=XSS /></svg>',
  '<svg><use href="data:image/svg+xml;base64,B64XSS#x"/></svg>',

  // Mutation XSS: markup that parses differently the second time.
  '<noscript><p title="</noscript><img src=x onerror=XSS>"></noscript>',
  '<form><math><mtext></form><form><mglyph><style></math><img src=x onerror=XSS>',
  '<svg></p><style><a id="</style><img src=1 onerror=XSS>">',
  '<math><mtext><h1><a><h6></a></h6><mglyph><svg><mtext><style><a title="</style><img src onerror=XSS>"></style></h1>',
  '<template><img src=x onerror=XSS></template>',
  '<textarea><img src=x onerror=XSS></textarea>',
  '<title><img src=x onerror=XSS></title>',
  '<xmp><img src=x onerror=XSS></xmp>',
  '<iframe><img src=x onerror=XSS></iframe>',
  '<noembed><img src=x onerror=XSS></noembed>',
  '<!--><img src=x onerror=XSS>-->',
  '<!-- --!><img src=x onerror=XSS>-->',
  '<p title="--><img src=x onerror=XSS>">p</p>',
  '<?xml ><img src=x onerror=XSS>?>',
  '<![CDATA[><img src=x onerror=XSS>]]>',
  '<table><td><img src=x onerror=XSS></td></table>',
  '<a id=xss name=xss>clobbering the trap</a><img src=x onerror=XSS>',

  // Broken markup.
  '<img src=x onerror=XSS',
  '<img src="x"onerror="XSS">',
  '<img/src=x/onerror=XSS>',
  '<img src=x onerror\n=XSS>',
  '<IMG """><SCRIPT>XSS</SCRIPT>">',
  '<img src=`x` onerror=XSS>',
  '<div><p><b><img src=x onerror=XSS',
  '"><img src=x onerror=XSS>',
  "'><svg onload=XSS>",
  '</p></div><img src=x onerror=XSS>',
  '<a href="https://example.org"><a href="javascript:XSS">nested</a></a>',
  '<ol start="1 onclick=XSS"><li>x</li></ol>',
  '<p>&lt;img src=x onerror=XSS&gt;</p>',
];

/**
 * A vector with its placeholders filled in, and a line naming it (so every answer is
 * long enough and different from the others).
 * @param {string} vector
 * @param {number} id
 */
export function expand(vector, id) {
  const top = `top.postMessage('xss:${id}','*')`;
  const b64 = btoa(`<script>${top}</script>`);
  const filled = vector
    .replaceAll('B64XSS', b64)
    .replaceAll('TOPXSS', top)
    .replaceAll('XSS', `xss(${id})`)
    .replaceAll('IDN', String(id));
  return `${filled}\n\nVector ${id}.`;
}
