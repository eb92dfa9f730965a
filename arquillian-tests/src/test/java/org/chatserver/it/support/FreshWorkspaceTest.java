package org.chatserver.it.support;

import java.net.URL;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the tests that run against the one Payara Micro node Arquillian manages: it deploys the application WAR
 * and, before each test, opens a workspace of its own with two users, alice and bob. A fresh workspace per test is
 * what keeps tests independent on a shared database (workspaces never see each other).
 */
@ExtendWith(ArquillianExtension.class)
public abstract class FreshWorkspaceTest {

    @ArquillianResource
    protected URL deployed;

    protected ChatClient client;
    protected String workspace;
    /** alice's token; she creates the channels the tests use. */
    protected String alice;
    /** bob's token. */
    protected String bob;

    @Deployment(testable = false)
    public static WebArchive app() {
        return MicroDeployment.war();
    }

    @BeforeEach
    void aliceAndBobInAFreshWorkspace() {
        client = new ChatClient(MicroDeployment.base(deployed));
        workspace = "it-" + UUID.randomUUID();
        alice = client.token(workspace, "alice");
        bob = client.token(workspace, "bob");
    }
}
