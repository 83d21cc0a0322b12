/// Collects inline runs into paragraphs and headings while `HTMLRenderer` walks a
/// page, and turns a paragraph that is only pictures into image blocks.
struct BlockBuilder {
    /// Stands for a `<br>` until whitespace is collapsed (a text node may be just "\n").
    static let lineBreak: Unicode.Scalar = "\u{2028}"
    var blocks: [Block] = []
    var inlines: [Inline] = []
    /// Images in the current paragraph: the run that holds each, and its description.
    var images: [(run: Int, alt: String)] = []

    mutating func add(_ text: String, style: Inline.Style, link: Int?) {
        if let last = inlines.last, last.style == style, last.linkNumber == link, images.last?.run != inlines.count - 1 {
            inlines[inlines.count - 1].text += text
        } else {
            inlines.append(Inline(text, style: style, linkNumber: link))
        }
    }

    /// A `<br>`; a second one in a row ends the paragraph, as pages written with
    /// line breaks mean it.
    mutating func lineBreak() {
        let marker = Character(Self.lineBreak)
        if let last = inlines.indices.last(where: { !inlines[$0].text.allSatisfy { $0.isWhitespace && $0 != marker } }),
           let end = inlines[last].text.lastIndex(where: { !$0.isWhitespace || $0 == marker }), inlines[last].text[end] == marker {
            inlines[last].text.remove(at: end)
            flush()
        } else {
            add(String(Self.lineBreak), style: [], link: nil)
        }
    }

    /// An image: part of the text when the paragraph has words, else a block of its own.
    mutating func addImage(alt: String, style: Inline.Style) {
        inlines.append(Inline(" [image: \(alt)] ", style: style.union(.emphasis)))
        images.append((inlines.count - 1, alt))
    }

    /// Ends the current paragraph, collapsing whitespace across its runs.
    mutating func flush(as heading: Int? = nil) {
        if !images.isEmpty && heading == nil {
            let imageRuns = Set(images.map(\.run))
            let hasWords = inlines.indices.contains { !imageRuns.contains($0) && !inlines[$0].text.allSatisfy(\.isWhitespace) }
            if !hasWords {
                for image in images { blocks.append(.image(alt: Self.standaloneDescription(image.alt))) }
                inlines = []
                images = []
                return
            }
        }
        let runs = Self.collapse(inlines)
        inlines = []
        images = []
        guard runs.contains(where: { !$0.text.allSatisfy(\.isWhitespace) }) else { return }  // nothing, or only <br>s
        if let level = heading { blocks.append(.heading(level: level, runs)) } else { blocks.append(.paragraph(runs)) }
    }

    /// Collapses whitespace across the runs as a browser does: runs of spaces, tabs and
    /// newlines become one space, none at the start or after a line break; a no-break
    /// space stays (as a plain space). Works on UTF-8 bytes written straight into each
    /// new run's storage (pages can be large); bytes that are neither whitespace nor the
    /// start of a no-break space or a `<br>` marker are copied a stretch at a time.
    static func collapse(_ runs: [Inline]) -> [Inline] {
        var result: [Inline] = []
        result.reserveCapacity(runs.count)
        var state = CollapseState()
        for run in runs {
            var text = run.text
            var spaceBefore = false
            // A pending space from the runs before can add one byte to what the run holds.
            let collapsed = text.withUTF8 { bytes in
                String(unsafeUninitializedCapacity: bytes.count + 1) { out in
                    collapse(bytes, into: out, plainStyle: run.style.isEmpty, state: &state, spaceBefore: &spaceBefore)
                }
            }
            if spaceBefore { result[result.count - 1].text += " " }
            if !collapsed.isEmpty { result.append(Inline(collapsed, style: run.style, linkNumber: run.linkNumber)) }
        }
        return result
    }

    /// What `collapse` carries from one run to the next.
    struct CollapseState {
        var pendingSpace = false
        var last: UInt8 = 0  // the last byte written, 0 for none
    }

    /// One run's bytes collapsed into `out` (room for one byte more than the run):
    /// the count written. `spaceBefore` is set when a space belongs at the end of the
    /// run before instead (between a plain run and a link or emphasis).
    @inline(__always)
    private static func collapse(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>, plainStyle: Bool,
                                 state: inout CollapseState, spaceBefore: inout Bool) -> Int {
        var pendingSpace = state.pendingSpace, last = state.last
        defer { state.pendingSpace = pendingSpace; state.last = last }
        var o = 0
        var i = 0
        let n = bytes.count
        while i < n {
            let byte = bytes[i]
            let ordinary = byte > 0x20 && byte != 0xC2 && byte != 0xE2
            if !ordinary {
                if byte == 0xE2 && i + 2 < n && bytes[i + 1] == 0x80 && bytes[i + 2] == 0xA8 {  // a <br>
                    out[o] = 0x0A; o += 1; last = 0x0A; pendingSpace = false; i += 3; continue
                }
                if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                    pendingSpace = true; i += 1; continue
                }
            }
            if pendingSpace && last != 0 && last != 0x0A {
                if o == 0 && !plainStyle { spaceBefore = true } else { out[o] = 0x20; o += 1 }
            }
            pendingSpace = false
            if ordinary {
                var j = i
                repeat {
                    out[o] = bytes[j]; o += 1; j += 1
                } while j < n && bytes[j] > 0x20 && bytes[j] != 0xC2 && bytes[j] != 0xE2
                last = bytes[j - 1]
                i = j
                continue
            }
            if byte == 0xC2 && i + 1 < n && bytes[i + 1] == 0xA0 {  // no-break space
                out[o] = 0x20; o += 1; last = 0x20; i += 2; continue
            }
            out[o] = byte; o += 1; last = byte; i += 1
        }
        return o
    }

    /// What a picture standing on its own shows in the body: its description,
    /// unless that is only a file name ("IMG_2041.jpg", "harbour-crane-01").
    static func standaloneDescription(_ alt: String) -> String {
        let looksLikeFileName = !alt.contains(" ") && alt.count > 12 && alt.contains(where: { $0 == "-" || $0 == "_" || $0 == "." })
        return looksLikeFileName ? "" : alt
    }
}
