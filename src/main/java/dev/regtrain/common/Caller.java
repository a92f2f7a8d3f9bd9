package dev.regtrain.common;

/**
 * Who sent the request being served: the owner it acts for and whether it may see every owner's resources.
 *
 * @param owner the owner its new resources belong to
 * @param admin whether it sees and manages every owner's resources
 */
public record Caller(Owner owner, boolean admin) {

    /** The caller of a service without keys: everything is its own. */
    public static final Caller LOCAL = new Caller(Owner.ANONYMOUS, true);

    public Caller {
        if (owner == null) {
            throw new IllegalArgumentException("a caller acts for an owner");
        }
    }

    /** Whether a resource of {@code resourceOwner} exists for this caller (others get the answer for an unknown id). */
    public boolean sees(Owner resourceOwner) {
        return admin || owner.equals(resourceOwner);
    }
}
