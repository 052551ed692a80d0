package dev.ecsplatform.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a computed {@link Default} can see: the fields of its own record bound so far (in declaration
 * order), the enclosing records, the environment's tier and name, and the name of the map entry it is in
 * (the service of {@code services.web}).
 */
public final class DefaultContext {

    private final DefaultContext parent;
    private final String entryName;
    private final Map<String, Object> bound = new LinkedHashMap<>();

    private DefaultContext(DefaultContext parent, String entryName) {
        this.parent = parent;
        this.entryName = entryName;
    }

    /** The context of the file's root record, with its derived values (the environment's name). */
    static DefaultContext root(Map<String, Object> derived) {
        DefaultContext root = new DefaultContext(null, null);
        root.bound.putAll(derived);
        return root;
    }

    /** The context of a record nested in this one; {@code entryName} is its key in a map of named entries, or null. */
    DefaultContext child(String entryName) {
        return new DefaultContext(this, entryName);
    }

    void bound(String key, Object value) {
        bound.put(key, value);
    }

    /** A field of this record bound before the one being defaulted. */
    public <T> T sibling(String key, Class<T> type) {
        Object value = bound.get(key);
        if (value == null) {
            throw new IllegalStateException("'" + key + "' is not bound before the field that defaults from it; "
                    + "declare it earlier in the record");
        }
        return type.cast(value);
    }

    /** The context of the enclosing record. */
    public DefaultContext parent() {
        if (parent == null) {
            throw new IllegalStateException("the root record has no parent");
        }
        return parent;
    }

    /** A field of the root record (the environment) bound so far, or null. */
    Object root(String key) {
        return rootContext().bound.get(key);
    }

    /** The environment's tier. */
    public Tier tier() {
        return rootContext().sibling("tier", Tier.class);
    }

    /** The environment's name, from its file name. */
    public String environment() {
        return rootContext().sibling("name", String.class);
    }

    /** The key of the nearest enclosing map entry, e.g. the service's name. */
    public Optional<String> entryName() {
        for (DefaultContext context = this; context != null; context = context.parent) {
            if (context.entryName != null) {
                return Optional.of(context.entryName);
            }
        }
        return Optional.empty();
    }

    private DefaultContext rootContext() {
        DefaultContext context = this;
        while (context.parent != null) {
            context = context.parent;
        }
        return context;
    }
}
