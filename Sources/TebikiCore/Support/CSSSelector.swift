/// A CSS selector as a tour step, hint or `tebiki check --product` reads it: a list of complex
/// selectors, each compound selectors joined by combinators, plus Tebiki's `>>>`, which steps
/// into an element's shadow root. Parsed at build time, so a selector a browser would refuse
/// is an error where it is written, not a tour that silently finds nothing.
struct CSSSelector: Sendable, Equatable {
    enum Combinator: String, Sendable { case descendant = " ", child = ">", next = "+", later = "~", shadow = ">>>" }

    struct Attribute: Sendable, Equatable {
        var name: String
        /// `=`, `~=`, `|=`, `^=`, `$=`, `*=`; nil for `[name]`.
        var operation: String?
        var value: String
        var ignoringCase = false
    }

    enum Pseudo: Sendable, Equatable {
        case nthChild(a: Int, b: Int, ofType: Bool, fromEnd: Bool)
        case not([Compound])
        /// `:is(…)` of compounds: any of them.
        case any([Compound])
        case onlyChild(ofType: Bool)
        case empty
        /// A pseudo-class browsers know whose state a saved page cannot show (`:hover`, `:checked`…).
        case state(String)
    }

    struct Compound: Sendable, Equatable {
        var element: String?
        var ids: [String] = []
        var classes: [String] = []
        var attributes: [Attribute] = []
        var pseudos: [Pseudo] = []
    }

    /// Compounds from left to right; `combinators[i]` joins `compounds[i]` and `compounds[i + 1]`.
    struct Complex: Sendable, Equatable {
        var compounds: [Compound]
        var combinators: [Combinator]
    }

    struct Problem: Error, Sendable, Equatable {
        var message: String
        /// In characters from the selector's start.
        var offset: Int
    }

    var alternatives: [Complex]

    init(_ text: String) throws(Problem) {
        var parser = Parser(characters: Array(text))
        alternatives = try parser.list(until: nil)
        if alternatives.isEmpty { throw Problem(message: "the selector is empty", offset: 0) }
    }
}

private extension CSSSelector {
    static let statePseudoClasses: Set<String> = [
        "hover", "focus", "focus-visible", "focus-within", "active", "visited", "link", "any-link", "checked", "disabled",
        "enabled", "required", "optional", "read-only", "read-write", "placeholder-shown", "default", "indeterminate", "valid",
        "invalid", "in-range", "out-of-range", "target", "root", "scope", "defined", "open", "popover-open", "modal", "autofill",
    ]

    struct Parser {
        let characters: [Character]
        var index = 0

        mutating func list(until close: Character?) throws(Problem) -> [Complex] {
            var alternatives: [Complex] = []
            while true {
                skipSpaces()
                alternatives.append(try complex(until: close))
                skipSpaces()
                if let close, peek == close { return alternatives }
                if index >= characters.count {
                    if close != nil { throw Problem(message: "')' is missing", offset: index) }
                    return alternatives
                }
                guard peek == "," else { throw Problem(message: "unexpected '\(peek!)'", offset: index) }
                index += 1
            }
        }

        mutating func complex(until close: Character?) throws(Problem) -> Complex {
            var result = Complex(compounds: [try compound()], combinators: [])
            while true {
                let hadSpace = skipSpaces()
                guard let next = peek, next != ",", next != close else { return result }
                var combinator = Combinator.descendant
                if matches(">>>") {
                    index += 3
                    combinator = .shadow
                } else if next == ">" || next == "+" || next == "~" {
                    index += 1
                    combinator = Combinator(rawValue: String(next))!
                } else if !hadSpace {
                    throw Problem(message: "unexpected '\(next)'", offset: index)
                }
                skipSpaces()
                guard index < characters.count else { throw Problem(message: "a combinator with nothing after it", offset: index) }
                result.combinators.append(combinator)
                result.compounds.append(try compound())
            }
        }

        mutating func compound() throws(Problem) -> Compound {
            var compound = Compound()
            let start = index
            if peek == "*" {
                index += 1
                compound.element = "*"
            } else if let first = peek, Self.startsIdentifier(first) {
                compound.element = try identifier().lowercased()
            }
            loop: while let next = peek {
                switch next {
                case "#":
                    index += 1
                    compound.ids.append(try identifier())
                case ".":
                    index += 1
                    compound.classes.append(try identifier())
                case "[": compound.attributes.append(try attribute())
                case ":": compound.pseudos.append(try pseudo())
                default: break loop
                }
            }
            if index == start {
                throw Problem(message: peek.map { "unexpected '\($0)'" } ?? "a selector is missing", offset: index)
            }
            return compound
        }

        mutating func attribute() throws(Problem) -> Attribute {
            index += 1
            skipSpaces()
            let name = try identifier()
            skipSpaces()
            var attribute = Attribute(name: name.lowercased(), operation: nil, value: "")
            // As browsers do, the end of the selector closes an open bracket or quote.
            if peek == "]" || peek == nil {
                index += 1
                return attribute
            }
            for operation in ["~=", "|=", "^=", "$=", "*=", "="] where matches(operation) {
                attribute.operation = operation
                index += operation.count
                break
            }
            guard attribute.operation != nil else { throw Problem(message: "an attribute selector needs '=' or ']'", offset: index) }
            skipSpaces()
            attribute.value = peek == "\"" || peek == "'" ? try quoted() : try identifier()
            skipSpaces()
            if let flag = peek, flag == "i" || flag == "I" || flag == "s" || flag == "S" {
                attribute.ignoringCase = flag == "i" || flag == "I"
                index += 1
                skipSpaces()
            }
            guard peek == "]" || peek == nil else { throw Problem(message: "']' is missing", offset: index) }
            index += 1
            return attribute
        }

        mutating func pseudo() throws(Problem) -> Pseudo {
            let start = index
            index += 1
            if peek == ":" { throw Problem(message: "a pseudo-element (::) is not an element a step can point at", offset: start) }
            let name = try identifier().lowercased()
            if peek == "(" {
                index += 1
                skipSpaces()
                defer { index += 1 }
                switch name {
                case "not", "is", "where", "has":
                    let inner = try list(until: ")")
                    // A saved page's structure answers :not and :is of simple compounds; the others are states.
                    if (name == "not" || name == "is"), inner.allSatisfy({ $0.compounds.count == 1 }) {
                        return name == "not" ? .not(inner.map { $0.compounds[0] }) : .any(inner.map { $0.compounds[0] })
                    }
                    return .state(name)
                case "nth-child", "nth-last-child", "nth-of-type", "nth-last-of-type":
                    let (a, b) = try nth()
                    skipSpaces()
                    guard peek == ")" else { throw Problem(message: "')' is missing", offset: index) }
                    return .nthChild(a: a, b: b, ofType: name.hasSuffix("of-type"), fromEnd: name.contains("last"))
                case "lang", "dir":
                    while let next = peek, next != ")" { index += 1 }
                    guard peek == ")" else { throw Problem(message: "')' is missing", offset: index) }
                    return .state(name)
                default: throw Problem(message: "unknown pseudo-class ':\(name)()'", offset: start)
                }
            }
            switch name {
            case "first-child": return .nthChild(a: 0, b: 1, ofType: false, fromEnd: false)
            case "last-child": return .nthChild(a: 0, b: 1, ofType: false, fromEnd: true)
            case "first-of-type": return .nthChild(a: 0, b: 1, ofType: true, fromEnd: false)
            case "last-of-type": return .nthChild(a: 0, b: 1, ofType: true, fromEnd: true)
            case "only-child": return .onlyChild(ofType: false)
            case "only-of-type": return .onlyChild(ofType: true)
            case "empty": return .empty
            default:
                guard CSSSelector.statePseudoClasses.contains(name) else { throw Problem(message: "unknown pseudo-class ':\(name)'", offset: start) }
                return .state(name)
            }
        }

        /// `odd`, `even`, `3`, `2n+1`, `-n+3`.
        mutating func nth() throws(Problem) -> (Int, Int) {
            var text = ""
            while let next = peek, next != ")" {
                text.append(next)
                index += 1
            }
            let compact = text.filter { !$0.isWhitespace }.lowercased()
            if compact == "odd" { return (2, 1) }
            if compact == "even" { return (2, 0) }
            if let b = Int(compact) { return (0, b) }
            guard let n = compact.firstIndex(of: "n") else { throw Problem(message: "'\(text)' is not an+b", offset: index) }
            let aText = String(compact[..<n]), bText = String(compact[compact.index(after: n)...])
            let a = aText.isEmpty || aText == "+" ? 1 : aText == "-" ? -1 : Int(aText)
            let b = bText.isEmpty ? 0 : Int(bText.hasPrefix("+") ? String(bText.dropFirst()) : bText)
            guard let a, let b else { throw Problem(message: "'\(text)' is not an+b", offset: index) }
            return (a, b)
        }

        mutating func identifier() throws(Problem) -> String {
            var name = ""
            let start = index
            while let next = peek {
                if next == "\\" {
                    index += 1
                    guard let escaped = peek else { throw Problem(message: "a '\\' at the end", offset: index - 1) }
                    if escaped.isHexDigit {
                        var hex = ""
                        while let digit = peek, digit.isHexDigit, hex.count < 6 {
                            hex.append(digit)
                            index += 1
                        }
                        if peek == " " { index += 1 }
                        name.unicodeScalars.append(Unicode.Scalar(UInt32(hex, radix: 16) ?? 0xFFFD) ?? "\u{FFFD}")
                    } else {
                        name.append(escaped)
                        index += 1
                    }
                } else if Self.continuesIdentifier(next) {
                    name.append(next)
                    index += 1
                } else {
                    break
                }
            }
            guard !name.isEmpty, index > start else {
                throw Problem(message: peek.map { "a name was expected, not '\($0)'" } ?? "a name is missing", offset: start)
            }
            if let first = name.first, first.isNumber, characters[start] != "\\" {
                throw Problem(message: "a name cannot start with a digit ('\(name)'): escape it, as \\3\(first) ", offset: start)
            }
            return name
        }

        mutating func quoted() throws(Problem) -> String {
            let quote = peek!
            index += 1
            var value = ""
            while let next = peek, next != quote {
                if next == "\\" {
                    index += 1
                    if let escaped = peek { value.append(escaped) }
                } else {
                    value.append(next)
                }
                index += 1
            }
            index += 1  // past the closing quote, or the end, which closes it as browsers do
            return value
        }

        var peek: Character? { index < characters.count ? characters[index] : nil }

        func matches(_ text: String) -> Bool {
            let wanted = Array(text)
            guard index + wanted.count <= characters.count else { return false }
            return Array(characters[index..<index + wanted.count]) == wanted
        }

        @discardableResult
        mutating func skipSpaces() -> Bool {
            let start = index
            while let next = peek, next == " " || next == "\t" || next == "\n" { index += 1 }
            return index > start
        }

        static func startsIdentifier(_ character: Character) -> Bool {
            character.isLetter || character == "_" || character == "-" || character == "\\" || !character.isASCII
        }

        static func continuesIdentifier(_ character: Character) -> Bool {
            startsIdentifier(character) || character.isNumber
        }
    }
}
