package dev.regtrain.studies;

class InMemoryStudyStoreTests extends StudyStoreContract {

    private final InMemoryStudyStore store = new InMemoryStudyStore();

    @Override
    protected StudyStore store() {
        return store;
    }

    @Override
    protected StudyStore reopened() {
        return store;
    }
}
