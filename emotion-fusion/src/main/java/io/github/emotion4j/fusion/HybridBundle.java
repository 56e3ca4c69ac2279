package io.github.emotion4j.fusion;

import io.github.emotion4j.core.ModelFormatException;
import io.github.emotion4j.core.bundle.BranchEntry;
import io.github.emotion4j.core.bundle.BundleWriter;
import io.github.emotion4j.core.bundle.ModelBundle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Assembles one model bundle from the branches of others, with new fusion weights: how the paper's hybrid
 * (two face VGG-LSTMs, the acoustic SVM, the audio LSTM, the audio Inception-v2-LSTM) becomes one file, and how
 * any subset of them, or a user's own branch, joins a model. Files are copied and checked, not re-trained;
 * sources are only read. Stateless and thread-safe.
 */
public final class HybridBundle {

    /**
     * One branch to take.
     *
     * @param bundle the bundle holding it
     * @param branch the branch's name in that bundle, or null when the bundle has exactly one branch
     * @param name the branch's name in the new bundle, or null to keep it
     * @param weight its fusion weight
     */
    public record Member(Path bundle, String branch, String name, double weight) {

        /** The only branch of a single-branch bundle, under its own name. */
        public static Member of(Path bundle, double weight) {
            return new Member(bundle, null, null, weight);
        }
    }

    private HybridBundle() {
    }

    /**
     * Writes a bundle at {@code target} (a directory, or a zip when it ends in {@code .zip}; never overwritten)
     * holding the members' branches in order.
     *
     * @throws ModelFormatException when a member bundle is invalid, lacks the named branch, or two members would
     *     get the same name
     */
    public static Path assemble(List<Member> members, Path target, Map<String, String> provenance)
            throws IOException, ModelFormatException {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a hybrid needs at least one branch");
        }
        List<ModelBundle> opened = new ArrayList<>();
        try (BundleWriter writer = BundleWriter.create(target)) {
            writer.provenance(provenance);
            Set<String> names = new HashSet<>();
            for (Member member : members) {
                ModelBundle bundle = ModelBundle.open(member.bundle());
                opened.add(bundle);
                BranchEntry entry = pick(bundle, member);
                String name = member.name() != null ? member.name() : entry.name();
                if (!names.add(name)) {
                    throw new ModelFormatException(member.bundle(), "branch name '" + name
                            + "' is already taken in the hybrid; give this member another name");
                }
                writer.addBranchCopy(bundle, entry, name, member.weight());
                writer.provenance("branch." + name + ".from", member.bundle().toString());
            }
            return writer.commit();
        } finally {
            opened.forEach(ModelBundle::close);
        }
    }

    private static BranchEntry pick(ModelBundle bundle, Member member) throws ModelFormatException {
        List<BranchEntry> branches = bundle.manifest().branches();
        if (member.branch() == null) {
            if (branches.size() != 1) {
                throw new ModelFormatException(member.bundle(), "holds " + branches.size()
                        + " branches; name the one to take (" + branches.stream().map(BranchEntry::name).toList() + ")");
            }
            return branches.get(0);
        }
        return branches.stream().filter(b -> b.name().equals(member.branch())).findFirst()
                .orElseThrow(() -> new ModelFormatException(member.bundle(), "has no branch '" + member.branch() + "'"));
    }
}
