package dev.samuel.trainer.data;

/**
 * Which row holds each example id, in two primitive arrays rather than a map of strings (which would cost about 100
 * bytes an id: 200 MB for two million examples). An id is known by a 64-bit hash of its key's bytes: two ids that
 * hash alike would be taken for one (a relabel), which among n ids happens with odds of about n² / 2^65 (one in ten
 * million for two million ids). Open addressing with linear probing; a removed id leaves a marker that probes pass.
 */
final class IdIndex {

    private static final long EMPTY = 0;
    private static final int REMOVED = -1;

    private long[] keys = new long[16];
    private int[] rows = new int[16];
    private int used;

    /** The id's hash, never {@link #EMPTY}: FNV-1a over the bytes, then MurmurHash3's finaliser to spread them. */
    static long hash(byte[] key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == EMPTY ? 1 : h;
    }

    /** Points the id at the row; returns the row it pointed at before, or -1. */
    int put(long id, int row) {
        if (2 * (used + 1) > keys.length) {
            grow();
        }
        int slot = slot(id);
        int before = keys[slot] == id ? rows[slot] : REMOVED;
        if (keys[slot] == EMPTY) {
            used++;
        }
        keys[slot] = id;
        rows[slot] = row;
        return before;
    }

    /** Forgets the id; returns the row it pointed at, or -1. */
    int remove(long id) {
        int slot = slot(id);
        if (keys[slot] != id) {
            return REMOVED;
        }
        int before = rows[slot];
        rows[slot] = REMOVED;
        return before;
    }

    /** The id's slot, or the empty slot where it would go. */
    private int slot(long id) {
        int mask = keys.length - 1;
        int slot = (int) id & mask;
        while (keys[slot] != EMPTY && keys[slot] != id) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldRows = rows;
        keys = new long[oldKeys.length * 2];
        rows = new int[oldKeys.length * 2];
        used = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY && oldRows[i] != REMOVED) {
                int slot = slot(oldKeys[i]);
                keys[slot] = oldKeys[i];
                rows[slot] = oldRows[i];
                used++;
            }
        }
    }
}
