/// A value kept behind one reference and copied only when changed while another copy shares
/// it: for values the build passes around by the thousand (an article's source), whose copies
/// otherwise retain each of their strings and arrays one by one.
struct SharedValue<Value> {
    private var box: Box

    init(_ value: Value) {
        box = Box(value)
    }

    var value: Value {
        // Read in place: a getter would hand out a copy of the whole value to read one field.
        _read { yield box.value }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.value) }
            yield &box.value
        }
    }
}

/// A box is changed only while no other `SharedValue` holds it, so sharing one across threads
/// is as safe as sharing the value.
extension SharedValue: @unchecked Sendable where Value: Sendable {}

private extension SharedValue {
    final class Box {
        var value: Value

        init(_ value: Value) {
            self.value = value
        }
    }
}
