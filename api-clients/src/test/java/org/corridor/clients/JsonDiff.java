package org.corridor.clients;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Where two JSON documents differ, as JSON pointers: a readable failure for two OpenAPI documents of a few hundred
 * kilobytes, where an equality assertion would print both in full.
 */
final class JsonDiff {

    private static final int LIMIT = 20;

    private JsonDiff() {
    }

    /** Adds to {@code out} the pointer of each place where {@code a} and {@code b} differ (at most 20). */
    static void differences(String path, JsonNode a, JsonNode b, List<String> out) {
        if (out.size() >= LIMIT || a.equals(b)) {
            return;
        }
        if (a.isObject() && b.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = path + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
                if (!b.has(e.getKey())) {
                    out.add(p + " only in the stored document");
                } else {
                    differences(p, e.getValue(), b.get(e.getKey()), out);
                }
            }
            for (Iterator<String> it = b.fieldNames(); it.hasNext();) {
                String name = it.next();
                if (!a.has(name)) {
                    out.add(path + "/" + name.replace("~", "~0").replace("/", "~1") + " only in the served document");
                }
            }
        } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                differences(path + "/" + i, a.get(i), b.get(i), out);
            }
        } else {
            out.add(path + ": " + abbreviate(a) + " stored, " + abbreviate(b) + " served");
        }
    }

    private static String abbreviate(JsonNode n) {
        String s = n.toString();
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }
}
