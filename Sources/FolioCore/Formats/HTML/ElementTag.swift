/// The element names the extraction passes tell apart, as an enum so that the
/// passes over every element of a page switch over cases, not strings.
enum ElementTag: String, CaseIterable {
    case other
    case html, body, head
    case div, p, section, article, main, center, span, font
    case h1, h2, h3, h4, h5, h6
    case ul, ol, li, dl, dt, dd
    case table, thead, tbody, tfoot, tr, td, th, caption, col, colgroup
    case pre, code, blockquote, figure, figcaption, picture, img
    case a, br, hr, del, ins, b, i, em, strong, small, sup, sub, time, abbr, u, s, q, mark, cite, label
    case header, footer, nav, aside, address, menu, dialog
    case form, fieldset, input, textarea, select, button, option
    case script, style, noscript, template, svg, math, iframe, object, embed, canvas, video, audio, link, meta, title

    private static let byName: [String: ElementTag] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })

    init(name: String) { self = Self.byName[name] ?? .other }

    /// Never article text: scripts, styles, media and form controls.
    var isIgnored: Bool {
        switch self {
        case .script, .style, .noscript, .template, .svg, .math, .iframe, .object, .embed, .canvas, .video, .audio,
             .link, .meta, .title, .head, .input, .textarea, .select, .button, .option, .dialog:
            return true
        default:
            return false
        }
    }

    /// Elements that keep a `<div>` from counting as a paragraph when below it.
    var isBlockForParagraphs: Bool {
        switch self {
        case .blockquote, .dl, .div, .img, .ol, .p, .pre, .table, .ul, .section, .article, .figure, .header, .footer,
             .aside, .nav, .h1, .h2, .h3, .h4, .h5, .h6, .form, .main:
            return true
        default:
            return false
        }
    }

    /// Inline ("phrasing") content, which a browser lays out as running text.
    var isPhrasing: Bool {
        switch self {
        case .span, .font, .a, .br, .del, .ins, .b, .i, .em, .strong, .small, .sup, .sub, .time, .abbr, .u, .s, .q, .mark,
             .cite, .label, .code, .img, .picture, .input, .select, .textarea, .button, .noscript, .script, .math, .svg,
             .embed, .object:
            return true
        default:
            return false
        }
    }
}
