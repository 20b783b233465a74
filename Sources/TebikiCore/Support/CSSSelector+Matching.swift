/// Which elements of a saved page a selector names, as a browser's `querySelectorAll` would,
/// with `>>>` stepping into declarative shadow roots. A selector with a pseudo-class a saved page
/// cannot answer (`:hover`, `:checked`, `:has()`…) is not `checkable`.
extension CSSSelector {
    var isCheckable: Bool {
        func plain(_ compound: Compound) -> Bool {
            compound.pseudos.allSatisfy { pseudo in
                switch pseudo {
                case .state: false
                case .not(let inner), .any(let inner): inner.allSatisfy(plain)
                default: true
                }
            }
        }
        return alternatives.allSatisfy { $0.compounds.allSatisfy(plain) }
    }

    func matches(in tree: HTMLTree) -> [HTMLTree.Element] {
        var all: [HTMLTree.Element] = []
        func collect(_ scope: HTMLTree.Element) {
            for element in scope.descendants() {
                all.append(element)
                if let shadow = element.shadowRoot { collect(shadow) }
            }
        }
        collect(tree.root)
        return all.filter { element in alternatives.contains { Self.matches(element, $0, at: $0.compounds.count - 1) } }
    }
}

private extension CSSSelector {
    /// Whether `element` matches `complex`'s compounds up to `at`, reading right to left.
    static func matches(_ element: HTMLTree.Element, _ complex: Complex, at: Int) -> Bool {
        guard matches(element, complex.compounds[at]) else { return false }
        if at == 0 { return treeRoot(of: element).name == "#document" }
        switch complex.combinators[at - 1] {
        case .child:
            return parent(of: element).map { matches($0, complex, at: at - 1) } ?? false
        case .descendant:
            var ancestor = parent(of: element)
            while let current = ancestor {
                if matches(current, complex, at: at - 1) { return true }
                ancestor = parent(of: current)
            }
            return false
        case .next:
            return previousSiblings(of: element).last.map { matches($0, complex, at: at - 1) } ?? false
        case .later:
            return previousSiblings(of: element).contains { matches($0, complex, at: at - 1) }
        case .shadow:
            let root = treeRoot(of: element)
            guard root.name != "#document", let host = root.parent else { return false }
            return matches(host, complex, at: at - 1)
        }
    }

    static func matches(_ element: HTMLTree.Element, _ compound: Compound) -> Bool {
        if let name = compound.element, name != "*", name != element.name { return false }
        for id in compound.ids where element.id != id { return false }
        if !compound.classes.isEmpty {
            let classes = element.classes
            for wanted in compound.classes where !classes.contains(Substring(wanted)) { return false }
        }
        for attribute in compound.attributes where !matches(element.attributes[attribute.name], attribute) { return false }
        for pseudo in compound.pseudos where !matches(element, pseudo) { return false }
        return true
    }

    static func matches(_ value: String?, _ attribute: Attribute) -> Bool {
        guard var value else { return false }
        guard let operation = attribute.operation else { return true }
        var wanted = attribute.value
        if attribute.ignoringCase {
            value = value.lowercased()
            wanted = wanted.lowercased()
        }
        switch operation {
        case "=": return value == wanted
        case "~=": return value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).contains(Substring(wanted))
        case "|=": return value == wanted || value.hasPrefix(wanted + "-")
        case "^=": return !wanted.isEmpty && value.hasPrefix(wanted)
        case "$=": return !wanted.isEmpty && value.hasSuffix(wanted)
        default: return !wanted.isEmpty && value.contains(wanted)
        }
    }

    static func matches(_ element: HTMLTree.Element, _ pseudo: Pseudo) -> Bool {
        switch pseudo {
        case let .nthChild(a, b, ofType, fromEnd):
            var siblings = siblings(of: element).filter { !ofType || $0.name == element.name }
            if fromEnd { siblings.reverse() }
            guard let index = siblings.firstIndex(where: { $0 === element }) else { return false }
            let position = index + 1
            if a == 0 { return position == b }
            let steps = (position - b) / a
            return steps >= 0 && (position - b) % a == 0
        case .not(let inner): return !inner.contains { matches(element, $0) }
        case .any(let inner): return inner.contains { matches(element, $0) }
        case .onlyChild(let ofType): return siblings(of: element).filter { !ofType || $0.name == element.name }.count == 1
        case .empty: return element.children.isEmpty && !element.hasText
        case .state: return false
        }
    }

    /// The parent within the element's own tree: a shadow root is where a tree ends.
    static func parent(of element: HTMLTree.Element) -> HTMLTree.Element? {
        guard let parent = element.parent, parent.name != "#document", !isShadowRoot(parent) else { return nil }
        return parent
    }

    static func isShadowRoot(_ element: HTMLTree.Element) -> Bool { element.parent?.shadowRoot === element }

    static func treeRoot(of element: HTMLTree.Element) -> HTMLTree.Element {
        var current = element
        while let parent = current.parent {
            if isShadowRoot(parent) || parent.name == "#document" { return parent }
            current = parent
        }
        return current
    }

    static func siblings(of element: HTMLTree.Element) -> [HTMLTree.Element] { element.parent?.children ?? [element] }

    static func previousSiblings(of element: HTMLTree.Element) -> ArraySlice<HTMLTree.Element> {
        let all = siblings(of: element)
        return all[..<(all.firstIndex { $0 === element } ?? all.startIndex)]
    }
}
