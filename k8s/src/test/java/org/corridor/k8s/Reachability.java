package org.corridor.k8s;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;

/**
 * Whether NetworkPolicies let one pod open a connection to another, by the Kubernetes rules: a pod selected by no
 * policy of a direction is open in that direction; otherwise some rule of some policy selecting it must allow the peer
 * and the port. A connection needs the source's egress and the destination's ingress. (Numbered ports only; ipBlock
 * peers are not modelled.)
 */
final class Reachability {

    /** A pod: its namespace, that namespace's labels, its own labels. */
    record Pod(String namespace, Map<String, String> namespaceLabels, Map<String, String> labels) {
        static Pod in(String namespace, Map<String, String> labels) {
            return new Pod(namespace, Map.of("kubernetes.io/metadata.name", namespace), labels);
        }
    }

    private final List<NetworkPolicy> policies;
    private final String policyNamespace;

    /** The policies of one namespace (a rendered overlay). */
    Reachability(List<NetworkPolicy> policies, String policyNamespace) {
        this.policies = policies;
        this.policyNamespace = policyNamespace;
    }

    boolean allowed(Pod from, Pod to, String protocol, int port) {
        return egressAllowed(from, to, protocol, port) && ingressAllowed(from, to, protocol, port);
    }

    private boolean ingressAllowed(Pod from, Pod to, String protocol, int port) {
        List<NetworkPolicy> selecting = selecting(to, "Ingress");
        if (selecting.isEmpty()) {
            return true;
        }
        return selecting.stream().anyMatch(p -> p.getSpec().getIngress() != null && p.getSpec().getIngress().stream()
                .anyMatch(rule -> portMatches(rule.getPorts(), protocol, port) && peerMatches(rule.getFrom(), from)));
    }

    private boolean egressAllowed(Pod from, Pod to, String protocol, int port) {
        List<NetworkPolicy> selecting = selecting(from, "Egress");
        if (selecting.isEmpty()) {
            return true;
        }
        return selecting.stream().anyMatch(p -> p.getSpec().getEgress() != null && p.getSpec().getEgress().stream()
                .anyMatch(rule -> portMatches(rule.getPorts(), protocol, port) && peerMatches(rule.getTo(), to)));
    }

    private List<NetworkPolicy> selecting(Pod pod, String direction) {
        if (!pod.namespace().equals(policyNamespace)) {
            return List.of();
        }
        return policies.stream().filter(
                p -> types(p).contains(direction) && Selectors.matches(p.getSpec().getPodSelector(), pod.labels()))
                .toList();
    }

    private static List<String> types(NetworkPolicy p) {
        if (p.getSpec().getPolicyTypes() != null && !p.getSpec().getPolicyTypes().isEmpty()) {
            return p.getSpec().getPolicyTypes();
        }
        // the API's default: Ingress, plus Egress when egress rules are present
        return p.getSpec().getEgress() != null && !p.getSpec().getEgress().isEmpty()
                ? List.of("Ingress", "Egress")
                : List.of("Ingress");
    }

    private static boolean portMatches(List<NetworkPolicyPort> ports, String protocol, int port) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        return ports.stream().anyMatch(p -> {
            String proto = p.getProtocol() == null ? "TCP" : p.getProtocol();
            IntOrString number = p.getPort();
            if (!proto.equals(protocol)) {
                return false;
            }
            if (number == null) {
                return true;
            }
            if (number.getIntVal() == null) {
                throw new IllegalArgumentException(
                        "named ports in NetworkPolicies are not modelled: " + number.getStrVal());
            }
            int end = p.getEndPort() == null ? number.getIntVal() : p.getEndPort();
            return port >= number.getIntVal() && port <= end;
        });
    }

    private boolean peerMatches(List<NetworkPolicyPeer> peers, Pod other) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        return peers.stream().anyMatch(peer -> {
            if (peer.getIpBlock() != null) {
                return false;
            }
            boolean namespaceOk = peer.getNamespaceSelector() == null
                    ? other.namespace().equals(policyNamespace)
                    : Selectors.matches(peer.getNamespaceSelector(), other.namespaceLabels());
            boolean podOk = peer.getPodSelector() == null || Selectors.matches(peer.getPodSelector(), other.labels());
            return namespaceOk && podOk;
        });
    }
}
